/* PLACEHOLDER: replaced by the Markdown reader. */
#include "input/reader.h"
int ws_read_markdown(ws_doc *doc) { return ws_read_text(doc); }
