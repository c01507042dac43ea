#!/usr/bin/env python3
"""Build the seed corpora in tests/fuzz/corpus/<harness>/ from the fixtures.

    tests/fuzz/make-corpus.py [SOURCE_ROOT]

Articles come from fixtures/articles and slices of fixtures/wikinews/*.txt
(a few paragraphs each, so that runs stay fast), plus small hand-written
cases for what the fixtures lack; rules from rules/News/*.yml with their word
lists appended after a '%%' line (the format fuzz_rules.c reads). Every file
is named by the SHA-1 of its content, as libFuzzer names corpus files, so
running this again changes nothing unless the fixtures changed.
"""
import glob
import hashlib
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'tests', 'fuzz', 'corpus')
SLICE = 1500  # bytes of a Wikinews text per seed, cut at a paragraph end


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def slices(data):
    """Up to two slices of about SLICE bytes, cut at blank lines."""
    paras = data.split(b'\n\n')
    out, cur = [], b''
    for p in paras:
        cur = cur + b'\n\n' + p if cur else p
        if len(cur) >= SLICE:
            out.append(cur + b'\n')
            cur = b''
            if len(out) == 2:
                break
    if cur and len(out) < 2:
        out.append(cur + b'\n')
    return out


def to_markdown(text):
    """A plain text slice with Markdown around it: a heading, a quote block."""
    paras = text.strip().split(b'\n\n')
    md = [b'# ' + paras[0]]
    for i, p in enumerate(paras[1:]):
        md.append(b'> ' + p if i % 3 == 2 else p)
    return b'\n\n'.join(md) + b'\n'


def to_html(text):
    paras = text.strip().split(b'\n\n')
    body = [b'<h1>' + paras[0] + b'</h1>']
    for i, p in enumerate(paras[1:]):
        p = p.replace(b'&', b'&amp;').replace(b'<', b'&lt;')
        body.append(b'<blockquote><p>' + p + b'</p></blockquote>' if i % 3 == 2
                    else b'<p>' + p + b'</p>')
    return (b'<!DOCTYPE html>\n<html><head><title>t</title></head><body>\n' +
            b'\n'.join(body) + b'\n</body></html>\n')


HAND_TEXT = [
    '"We will act," she said.\n',
    '"We will build it.\n\n"And we will pay for it," she said.\n',
    'He said "she told me \'they said "no" twice\' yesterday" and left.\n',
    'He said "we will go and left.\n\nThen she came." Stray.\n',
    '\u201cCurly,\u201d he said. \u2018Single,\u2019 she said. \u00abGuillemets\u00bb, dit-il. '
    '\u201eGerman\u201c, sagte sie. \u300cJapanese\u300d\n',
    'The so-called "reform" was, officials reportedly said, "dead on arrival".\n',
    'Mr. Smith, a spokesman for the U.S. State Department, told Reuters: "No comment."\n',
    '""\n\n"" "" \'\' \u201c\u201d\n',
    'Rock \'n\' roll isn\'t \'90s music, the \'Boss\' said.\n',
    'e\u0301 A\u030a \ufb01 \u212b "cafe\u0301," she said.\r\nLine two.\r\n',
]

HAND_MD = [
    '> "Quoted block," she said.\n>\n> More.\n',
    '* "One," he said.\n* "Two," she said.\n  1. nested "three"\n',
    '```\n"code" is not a quote\n```\n\nBut `"this"` is code too and "this" is not.\n',
    '[a "link"](http://x "title") and ![img "alt"](y) and <!-- "comment" -->\n',
    'Setext\n======\n\n&ldquo;Entity,&rdquo; he said. &#8220;Num&#8221;\n',
    "He said ``double'' and 'single' and \\\"escaped\\\".\n",
    '---\ntitle: "front matter"\n---\n\nBody "text".\n',
]

HAND_HTML = [
    '<p>He said <q>we will go</q> and <q cite="x">left <q>inner</q></q>.</p>\n',
    '<blockquote><p>"One," she said.</p><p>"Two."</p></blockquote>\n',
    '<p>&ldquo;Entity,&rdquo; he said. &#8220;Num&#x201D; &amp;quot; &nbsp;</p>\n',
    '<script>var s = "not text";</script><style>p{content:"x"}</style><p>"Text," she said.</p>\n',
    '<p>Unclosed <b><i><q>tags "everywhere\n<div><p><li>still open',
    '<!-- "comment" --><pre>"pre" text</pre><textarea>"raw"</textarea><br/>"Line"<br>two\n',
    '<table><tr><td>"Cell," he said.</td></tr></table><ul><li>"Item"</li></ul>\n',
]

HAND_RULES = [
    "type: existence\nmessage: 'hedge %s'\nscope: narration\n"
    "tokens: [alleged, so-called | error, according to reports]\n"
    "exceptions: [alleged victim]\nexamples:\n  - flag: The alleged plan.\n  - ok: A plan.\n",
    "type: substitution\nmessage: 'use %r, not %s (100%%)'\nlink: https://x.test/s\n"
    "swap:\n  utilize: use\n  in order to: to\nexamples:\n  - flag: We utilize it.\n  - ok: Use it.\n",
    "type: substitution\nmessage: 'use %r'\nraw: true\nswap:\n  'colou?r': hue\n"
    "examples:\n  - flag: The color.\n  - ok: Hue.\n",
    "type: conditional\nmessage: 'why anonymous? %s'\nwindow: 1\n"
    "first: [officials said]\nsecond: {raw: ['not authori[sz]ed'], tokens: [declined]}\n"
    "examples:\n  - flag: Officials said so.\n  - ok: Officials said so. They were not authorized.\n",
    "type: consistency\nmessage: 'this article writes %r: %s'\n"
    "either:\n  - [OK, okay]\n  - [email, e-mail]\nexamples:\n  - flag: OK. okay.\n  - ok: OK.\n",
    "type: existence\nmessage: 'number %s'\nignorecase: false\nraw: ['\\bN\\d+\\b', '^Meanwhile']\n"
    "examples:\n  - flag: Route N12.\n  - ok: Route n12.\n",
    "type: existence\nmessage: m\nraw: ['(a+)+$']\nexamples:\n  - flag: aaaa\n  - ok: b\n",
    "type: unattributed\nmessage: 'who said %s?'\nlevel: error\nexamples:\n"
    "  - flag: '\"We will win.\"'\n  - ok: '\"We will win,\" she said.'\n",
    "type: loaded-cue\nmessage: '%s takes sides'\nclasses: [distancing, guilt]\nreplacement: said\n"
    "examples:\n  - flag: He claimed it was fine.\n  - ok: He said it was fine.\n",
    "type: allegation\nmessage: 'allegation %s'\ntokens: [fraud, murder]\nexamples:\n"
    "  - flag: He committed fraud.\n  - ok: He left.\n",
    "type: naming\nmessage: 'naming %s'\ncheck: titles\nexamples:\n  - flag: Mr. Smith.\n  - ok: Smith.\n",
    "type: directive\nmessage: 'directive %s'\nexamples:\n  - flag: x\n  - ok: y\n",
    "type: existence\nmessage: m\ntokens: list.txt\nexamples:\n  - flag: alpha\n  - ok: b\n"
    "\n%%\n# a list\nalpha | error\nbeta gamma\n\n  delta  \n",
    "type: roles\nlist: list.txt\n\n%%\nminister | person\nspokesman\n",
    "%config\npacks: [Fuzz]\nrules: [more]\ndefault_rules: false\nlevels:\n  Fuzz.Rule: error\n"
    "paths:\n  - glob: 'opinion/**'\n    levels:\n      Fuzz.Rule: off\n"
    "vocabulary:\n  accept: [lavarov]\nmin_level: warning\nfail_level: error\n",
    "%config\n{packs: [a, b], levels: {X.Y: suggestion}}\n",
]


TRANSCRIPT = (
    "POMPEO: We will not accept a deal that leaves the program in place. We have been\n"
    "clear about that from the start.\n\nQ: Will you meet them again?\n\n"
    "POMPEO: I expect we will meet again in the coming weeks, and I look forward to it.\n")

HAND_VERIFY = [
    # one part: the article is its own source
    b'\x00He said "we will build it and pay for it" on Monday.\n',
    # a transcript and an article quoting it, verbatim, near, with an ellipsis,
    # brackets, and a wrong speaker
    b'\x00' + TRANSCRIPT.encode() + b'\n%%\n' +
    'Pompeo said "we will not accept a deal that leaves the program in place." '
    '"I expect we will meet again soon," he said. "We have been clear \u2026 from the '
    'start," Pompeo said. "[The United States] will not accept a deal," he said. '
    'Lavrov said "I look forward to it."\n'.encode(),
]


def seed(harness, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    d = os.path.join(OUT, harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), 'wb') as f:
        f.write(data)


def rule_seed(path):
    """A rule file with its word lists renamed list.txt and appended (a slice)."""
    text = read(path)
    lists = re.findall(rb'[\w.-]+\.txt', text)
    text = re.sub(rb'[\w.-]+\.txt', b'list.txt', text)
    if not lists:
        return text
    words = read(os.path.join(os.path.dirname(path), lists[0].decode()))
    return text + b'\n%%\n' + b'\n'.join(words.split(b'\n')[:60]) + b'\n'


def main():
    articles = {'text': [], 'markdown': [], 'html': []}
    for path in sorted(glob.glob(os.path.join(ROOT, 'fixtures', 'articles', '*'))):
        kind = {'.txt': 'text', '.md': 'markdown', '.html': 'html'}.get(os.path.splitext(path)[1])
        if kind:
            articles[kind].append(read(path))
    wiki = []
    for path in sorted(glob.glob(os.path.join(ROOT, 'fixtures', 'wikinews', 'GUM_*.txt'))):
        wiki.extend(slices(read(path)))
    articles['text'] += wiki + [s.encode() for s in HAND_TEXT]
    articles['markdown'] += [to_markdown(w) for w in wiki[::3]] + [s.encode() for s in HAND_MD]
    articles['html'] += [to_html(w) for w in wiki[1::3]] + [s.encode() for s in HAND_HTML]
    for kind, seeds in articles.items():
        for s in seeds:
            seed(kind, s)
    # The pipeline: options byte (bits 0-1: auto, text, markdown, html), a
    # path-length byte and the path, then the article.
    opts = {'text': 1, 'markdown': 2, 'html': 3}
    for kind, seeds in articles.items():
        for i, s in enumerate(seeds):
            o = opts[kind] | ((i % 4) << 3) | (0x20 if i % 5 == 0 else 0) | (4 if i % 7 == 0 else 0)
            if i % 6 == 1:  # from the path's extension
                path = {'text': b'a.txt', 'markdown': b'b.md', 'html': b'c.htm'}[kind]
                seed('pipeline', bytes([o & ~3, len(path)]) + path + s)
            else:
                seed('pipeline', bytes([o, 0]) + s)
    # Verification: a Wikinews slice as the source; the article quotes its
    # sentences, some as written, some with a word changed or dropped.
    for i, w in enumerate(wiki[::2]):
        sents = [x.strip() for x in re.split(rb'(?<=[.!?])\s+', w) if len(x.split()) >= 5][:4]
        quoted = []
        for k, sent in enumerate(sents):
            words = sent.rstrip(b'.!?').split()
            if k % 3 == 1:
                words[len(words) // 2] = b'really'
            elif k % 3 == 2:
                del words[1]
            quoted.append(b'"' + b' '.join(words) + b'," the official said.')
        opts = bytes([2 if i % 4 == 3 else 0])  # a Markdown article now and then
        seed('verify', opts + w + b'\n%%\n' + b' '.join(quoted) + b'\n')
    for s in HAND_VERIFY:
        seed('verify', s)
    for path in sorted(glob.glob(os.path.join(ROOT, 'rules', 'News', '*.yml'))):
        seed('rules', rule_seed(path))
    for s in HAND_RULES:
        seed('rules', s)


if __name__ == '__main__':
    main()
