/* PLACEHOLDER: replaced by the HTML reader. */
#include "input/reader.h"
int ws_read_html(ws_doc *doc) { return ws_read_text(doc); }
