#!/usr/bin/env python3
"""The HTML report in a real browser (Debian's chromium, headless).

Renders the fixtures to pages, lets chromium load each one (running its
script under the page's Content-Security-Policy) and dump the resulting
DOM, and checks in that DOM that:
  - every statement and finding of the JSON report is in the text, with
    the same words, statements focusable, findings linked from the list;
  - every quotation checked against the sources is listed beside its
    source passage (path:line:col, the passage's words), linked to the
    quotation in the text, with the words the diff says differ marked:
    <del> in the passage, <ins> in the quotation (the fixtures' sidecar
    sources on the report page, a hostile source on the hostile one);
  - every in-page link points to an existing element id;
  - the page's own script ran and its stylesheet applied (both allowed by
    their hashes), and no other script ran: the hostile fixtures carry
    scripts and onerror handlers that would set data-injected;
  - the hostile text is shown literally, with one <script>, no <img>, no
    event-handler attributes and no javascript: links.
A page made vulnerable on purpose (the injected script unescaped, no CSP)
must fail the same checks. Screenshots go to BUILD_DIR/browser/*.png.
Exits 77 (skipped) when chromium is not installed.

usage: check_html.py WHOSAID SOURCE_ROOT BUILD_DIR
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HOSTILE = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)"]


# Runs after the page's script: unticks a level and a speaker, focuses a
# statement, follows a finding's link, and notes what happened on <html>.
PROBE = r"""
(function(){
var d=document,root=d.documentElement;
function note(k,v){root.setAttribute('data-probe-'+k,v);}
try{
var box=d.querySelector('input[data-show-level="warning"]');
box.checked=false;box.dispatchEvent(new Event('change',{bubbles:true}));
var li=d.querySelector('li.lvl-warning'),mark=d.querySelector('mark.fd.lvl-warning');
note('level',getComputedStyle(li).display==='none'&&
     getComputedStyle(mark).textDecorationLine==='none'?'hidden':'visible');
var sp=d.querySelector('input[data-show-speaker]'),who=sp.getAttribute('data-show-speaker');
sp.checked=false;sp.dispatchEvent(new Event('change',{bubbles:true}));
var st=sp.closest('section').querySelector('.st[data-speaker="'+who+'"]');
var item=sp.closest('section').querySelector('li[data-speaker="'+who+'"]');
note('speaker',st.classList.contains('off')&&item.hidden&&
     getComputedStyle(st).backgroundColor==='rgba(0, 0, 0, 0)'?'off':'on');
var first=d.querySelector('.st[tabindex="0"]');first.focus();
var tip=getComputedStyle(first,'::after').content;
note('focus',d.activeElement===first&&tip.indexOf('Speaker: ')>=0?'tooltip':'none:'+tip);
var a=d.querySelector('.findings a[href^="#"]');a.click();
note('link',location.hash===a.getAttribute('href')&&d.querySelector(':target')===
     d.getElementById(a.getAttribute('href').slice(1))?'target':'no');
var hidden=0;for(var r of d.styleSheets[0].cssRules)
  if(r.media&&r.media.mediaText==='print'&&r.cssText.indexOf('data-filter')>=0)hidden=1;
note('print',hidden?'ok':'no print rules');
}catch(e){note('error',String(e));}
})();
"""


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()


class Tree(html.parser.HTMLParser):
    def __init__(self, source):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium(browser, url, extra, tmp):
    profile = tempfile.mkdtemp(dir=tmp)   # a fresh profile for every run
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--disable-extensions", f"--user-data-dir={profile}"] + extra + [url]
    p = subprocess.run(cmd, capture_output=True, timeout=180)
    return p


def dump_dom(browser, path, tmp):
    p = chromium(browser, "file://" + os.path.abspath(path),
                 ["--virtual-time-budget=5000", "--dump-dom"], tmp)
    if p.returncode != 0 or not p.stdout:
        raise SystemExit(f"chromium failed on {path} ({p.returncode}): {p.stderr.decode()[-800:]}")
    return p.stdout.decode("utf-8")


def squash(s):
    return re.sub(r"\s+", "", s)


def element_texts(node, tag):
    return [n.text() for n in node.walk() if n.tag == tag]


def check_verifications(rep, fi, by_id, bad):
    """The verification list of file @fi against the JSON report's verifications."""
    for k, v in enumerate(rep.get("verifications", [])):
        where = f"{rep['path']}: verification {k}"
        item = by_id.get(f"f{fi}-v{k}")
        if item is None:
            bad.append(f"{where} is not listed")
            continue
        if f"v-{v['status']}" not in item.attrs.get("class", "").split():
            bad.append(f"{where} is not shown as {v['status']}")
        target = f"f{fi}-q{v['quotation']}"
        if not any(n.tag == "a" and n.attrs.get("href") == "#" + target for n in item.walk()):
            bad.append(f"{where} does not link to its quotation")
        quote_el = by_id.get(target)
        if quote_el is None or f"v-{v['status']}" not in quote_el.attrs.get("class", "").split():
            bad.append(f"{where}: the quotation in the text does not show its status")
        sides = {n.attrs.get("class"): n for n in item.walk() if n.tag == "blockquote"}
        if set(sides) != {"vq", "vp"}:
            bad.append(f"{where}: no article and source side by side")
            continue
        # The quotation as the article has it, the label aside.
        q = rep["quotations"][v["quotation"]]
        want = squash(CONTROLS.sub("\ufffd", "".join(f["text"] for f in q["fragments"])))
        got = squash(sides["vq"].text()).replace("Inthearticle", "", 1)
        if want != got:
            bad.append(f"{where}: the article side shows {got[:60]!r}, not {want[:60]!r}")
        diffs = [op for op in v["diff"] if op["op"] != "equal"]
        ins = [squash(t) for t in element_texts(sides["vq"], "ins")]
        want_ins = [squash(op["quote"]) for op in diffs if op["quote"]]
        if ins != want_ins:
            bad.append(f"{where}: marked in the article {ins}, not {want_ins}")
        src = v["source"]
        got = squash(sides["vp"].text()).replace("Inthesource", "", 1)
        if src is None:
            if "Notfoundinanysource." != got:
                bad.append(f"{where}: a missing quotation's source side shows {got[:60]!r}")
            continue
        if squash(CONTROLS.sub("\ufffd", src["text"])) != got:
            bad.append(f"{where}: the source side shows {got[:60]!r}, not {src['text'][:60]!r}")
        dels = [squash(t) for t in element_texts(sides["vp"], "del")]
        want_dels = [squash(op["source"]) for op in diffs if op["source"]]
        if dels != want_dels:
            bad.append(f"{where}: marked in the source {dels}, not {want_dels}")
        place = f"{src['path']}:{src['line']}:{src['col']}"
        head = [n for n in item.walk() if n.tag == "p" and "vhead" in n.attrs.get("class", "")]
        if not head or place not in head[0].text():
            bad.append(f"{where}: the source's place {place} is not shown")


def check_page(dom, reports, label):
    """Problems of one dumped page, as a list of strings."""
    bad = []
    tree = Tree(dom)
    nodes = list(tree.root.walk())
    by_id = {}
    for n in nodes:
        if "id" in n.attrs:
            if n.attrs["id"] in by_id:
                bad.append(f"id {n.attrs['id']} is used twice")
            by_id[n.attrs["id"]] = n
    html_el = next((n for n in nodes if n.tag == "html"), None)
    if html_el is None:
        return [f"{label}: no <html> element"]
    if html_el.attrs.get("data-ws-script") != "ran":
        bad.append("the page's own script did not run (CSP hash?)")
    if html_el.attrs.get("data-ws-style") != "ok":
        bad.append("the page's stylesheet was not applied (CSP hash?)")
    if "data-injected" in html_el.attrs:
        bad.append(f"an injected script ran: data-injected={html_el.attrs['data-injected']}")
    scripts = [n for n in nodes if n.tag == "script"]
    if len(scripts) != 1:
        bad.append(f"{len(scripts)} <script> elements, not 1")
    for tag in ("img", "iframe", "object", "embed", "link", "base", "form"):
        found = [n for n in nodes if n.tag == tag]
        if found:
            bad.append(f"{len(found)} <{tag}> elements")
    for n in nodes:
        for a, v in n.attrs.items():
            if a.startswith("on"):
                bad.append(f"<{n.tag}> has an event handler {a}={v!r}")
            if a in ("href", "src", "action") and v and v.strip().lower().startswith(("javascript:", "data:")):
                bad.append(f"<{n.tag}> {a}={v!r}")
    csp = [n for n in nodes if n.tag == "meta" and n.attrs.get("http-equiv", "").lower() ==
           "content-security-policy"]
    if not csp or "default-src 'none'" not in csp[0].attrs.get("content", ""):
        bad.append("no strict Content-Security-Policy")
    # Links within the page lead somewhere.
    for n in nodes:
        href = n.attrs.get("href", "")
        if n.tag == "a" and href.startswith("#") and href[1:] not in by_id:
            bad.append(f"link {href} leads nowhere")

    for fi, rep in enumerate(reports["files"], 1):
        if "error" in rep:
            if f"f{fi}" not in by_id:
                bad.append(f"failed file {rep['path']} is not shown")
            continue
        section = by_id.get(f"f{fi}")
        if section is None:
            bad.append(f"no section for {rep['path']}")
            continue
        snodes = list(section.walk())
        pieces = {}
        marks = {}
        for n in snodes:
            if "data-st" in n.attrs:
                pieces.setdefault(int(n.attrs["data-st"]), []).append(n)
            if "data-fd" in n.attrs:
                marks.setdefault(int(n.attrs["data-fd"]), []).append(n)
        for si, st in enumerate(rep["statements"]):
            el = by_id.get(f"f{fi}-s{si}")
            if el is None:
                bad.append(f"{rep['path']}: statement {si} has no element")
                continue
            if el.attrs.get("tabindex") != "0":
                bad.append(f"{rep['path']}: statement {si} cannot be focused")
            if "data-tip" not in el.attrs or "Kind: " + st["kind"] not in el.attrs["data-tip"]:
                bad.append(f"{rep['path']}: statement {si} has no tooltip with its kind")
            if st["speaker"] and "Speaker: " + st["speaker"]["name"] not in el.attrs.get("data-tip", ""):
                bad.append(f"{rep['path']}: statement {si}'s tooltip lacks its speaker")
            # Controls other than tab and line breaks are not HTML: the page shows U+FFFD.
            want = squash(CONTROLS.sub("\ufffd", "".join(c["text"] for c in st["content"])))
            got = squash("".join(p.text() for p in pieces.get(si, [])))
            if want != got:
                bad.append(f"{rep['path']}: statement {si} shows {got[:60]!r}, not {want[:60]!r}")
            links = [n for n in snodes if n.tag == "a" and n.attrs.get("href") == f"#f{fi}-s{si}"]
            if not links:
                bad.append(f"{rep['path']}: no link to statement {si}")
        for k, f in enumerate(rep["findings"]):
            el = by_id.get(f"f{fi}-d{k}")
            if el is None:
                bad.append(f"{rep['path']}: finding {k} ({f['rule']}) has no place in the text")
                continue
            links = [n for n in snodes if n.tag == "a" and n.attrs.get("href") == f"#f{fi}-d{k}"]
            if not links:
                bad.append(f"{rep['path']}: finding {k} is not linked from the list")
            elif f["message"] not in links[0].parent.text():
                bad.append(f"{rep['path']}: finding {k}'s message is not beside its link")
            want = squash(CONTROLS.sub("\ufffd", f["span"]["text"]))
            got = squash("".join(p.text() for p in marks.get(k, [])))
            if want and want != got:
                bad.append(f"{rep['path']}: finding {k} marks {got!r}, not {want!r}")
        check_verifications(rep, fi, by_id, bad)
        words = {s["speaker"]["name"] for s in rep["statements"] if s["speaker"]}
        table = [n for n in snodes if n.tag == "table" and "speakers" in n.attrs.get("class", "")]
        if words and not table:
            bad.append(f"{rep['path']}: no speaker table")
        elif words:
            rows = table[0].text()
            for name in words:
                if name not in rows:
                    bad.append(f"{rep['path']}: {name} is missing from the speaker table")
    return [f"{label}: {b}" for b in bad]


def main():
    whosaid, root, build = sys.argv[1:4]
    browser = find_chromium()
    if not browser:
        print("chromium is not installed (apt-get install chromium): skipped")
        return 77
    os.chdir(root)
    out_dir = os.path.join(build, "browser")
    os.makedirs(out_dir, exist_ok=True)
    articles = sorted(os.path.join("fixtures/articles", f) for f in os.listdir("fixtures/articles")
                      if f.endswith((".txt", ".md", ".html")))
    hostile = [a for a in articles if "hostile" in os.path.basename(a)]
    if not hostile:
        print("FAIL: no hostile fixture")
        return 1
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        bad_input = os.path.join(tmp, "unreadable.txt")
        with open(bad_input, "wb") as f:
            f.write(b"Bad \xff byte.\n")
        # The sources the golden tests use; for the hostile page, one made of
        # its hostile strings, under a hostile name, one of them changed so
        # that the differences are marked around hostile text.
        sources = []
        for a in articles:
            sidecar = os.path.splitext(a)[0] + ".sources"
            if os.path.exists(sidecar):
                sources += [x for x in open(sidecar).read().splitlines() if x and x[0] != "#"]
        hostile_source = os.path.join(tmp, "src\"><img src=x onerror=alert(1)>.txt")
        with open(hostile_source, "w") as f:
            f.write("MAYOR: The form said <script>document.documentElement.setAttribute("
                    "'data-injected','<b>scripts</b>')</script> when it was typed.\n\n"
                    "CLERK: The second message was \"><img src=x onerror=\"document."
                    "documentElement.setAttribute('data-injected','img')\"> and nothing more.\n")
        pages = {"report": [x for s in sources for x in ("--sources", s)] + articles + [bad_input],
                 "hostile": ["--sources", hostile_source] + hostile}
        n_checked = 0
        for name, inputs in pages.items():
            page = os.path.join(out_dir, name + ".html")
            args = ["--fail-level", "off", "--format", "html=" + page,
                    "--format", "json=" + os.path.join(tmp, name + ".json")] + inputs
            p = subprocess.run([whosaid] + args, capture_output=True)
            if p.returncode not in (0, 2):
                print(f"FAIL: whosaid {' '.join(args)} exited {p.returncode}: {p.stderr.decode()}")
                return 1
            reports = json.load(open(os.path.join(tmp, name + ".json")))
            n_checked += sum(len(f.get("verifications", [])) for f in reports["files"])
            dom = dump_dom(browser, page, tmp)
            with open(os.path.join(out_dir, name + ".dom.html"), "w") as f:
                f.write(dom)
            failures += check_page(dom, reports, name)
            if name == "hostile":
                text = Tree(dom).root.text()
                for s in HOSTILE:
                    if s not in text:
                        failures.append(f"hostile: {s!r} is not shown literally")
            shot = os.path.join(out_dir, name + ".png")
            p = chromium(browser, "file://" + os.path.abspath(page),
                         ["--virtual-time-budget=3000", "--hide-scrollbars",
                          "--window-size=1280,2200", f"--screenshot={shot}"], tmp)
            with open(shot, "rb") as f:
                if f.read(8) != b"\x89PNG\r\n\x1a\n":
                    failures.append(f"{name}: the screenshot is not a PNG")
            print(f"{name}: {len(reports['files'])} files, screenshot {shot}")

        # The filters and the keyboard, driven by a test script on a copy of
        # the page without its CSP (the page's own script runs first).
        page = open(os.path.join(out_dir, "report.html")).read()
        probe = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", page)
        probe = probe.replace("</body>", "<script>" + PROBE + "</script>\n</body>")
        path = os.path.join(tmp, "probe.html")
        with open(path, "w") as f:
            f.write(probe)
        root_el = next(n for n in Tree(dump_dom(browser, path, tmp)).root.walk() if n.tag == "html")
        for key, want in (("data-probe-level", "hidden"), ("data-probe-speaker", "off"),
                          ("data-probe-focus", "tooltip"), ("data-probe-link", "target"),
                          ("data-probe-print", "ok")):
            if root_el.attrs.get(key) != want:
                failures.append(f"probe: {key}={root_el.attrs.get(key)!r}, expected {want!r}")

        # The same checks on a page made vulnerable on purpose must fail.
        page = open(os.path.join(out_dir, "hostile.html")).read()
        evil = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", page)
        # As if the article's text had gone out unescaped.
        injected = ("<p><script>document.documentElement.setAttribute('data-injected','script')"
                    "</script><img src=x onerror=\"document.documentElement.setAttribute("
                    "'data-injected','img')\"></p>")
        evil = evil.replace('<article class="article" aria-label="Article text">',
                            '<article class="article" aria-label="Article text">' + injected, 1)
        if injected not in evil:
            failures.append("control: no place for the injected script")
        path = os.path.join(tmp, "vulnerable.html")
        with open(path, "w") as f:
            f.write(evil)
        found = check_page(dump_dom(browser, path, tmp), reports, "control")
        for want in ("an injected script ran", "<script> elements", "<img> elements",
                     "event handler", "no strict Content-Security"):
            if not any(want in b for b in found):
                failures.append(f"control: the checks missed '{want}' on a vulnerable page")
    if n_checked < 10:
        failures.append(f"only {n_checked} quotations checked against sources: the panel is not exercised")
    for f in failures:
        print("FAIL: " + f)
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"ok: statements, findings, {n_checked} verified quotations, links and escaping "
          "checked in chromium")
    return 0


if __name__ == "__main__":
    sys.exit(main())
