/* format.c - input format names and detection by file extension. */
#include <string.h>
#include <strings.h>

#include "whosaid.h"

int ws_input_format_from_name(const char *name)
{
    if (!name)
        return WS_EINVAL;
    if (!strcasecmp(name, "text") || !strcasecmp(name, "txt") || !strcasecmp(name, "plain"))
        return WS_INPUT_TEXT;
    if (!strcasecmp(name, "markdown") || !strcasecmp(name, "md"))
        return WS_INPUT_MARKDOWN;
    if (!strcasecmp(name, "html") || !strcasecmp(name, "htm"))
        return WS_INPUT_HTML;
    if (!strcasecmp(name, "auto"))
        return WS_INPUT_AUTO;
    return WS_EINVAL;
}

ws_input_format ws_input_format_from_path(const char *path)
{
    if (!path)
        return WS_INPUT_AUTO;
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    if (!dot || dot[1] == '\0')
        return WS_INPUT_AUTO;
    const char *ext = dot + 1;
    if (!strcasecmp(ext, "txt") || !strcasecmp(ext, "text"))
        return WS_INPUT_TEXT;
    if (!strcasecmp(ext, "md") || !strcasecmp(ext, "markdown"))
        return WS_INPUT_MARKDOWN;
    if (!strcasecmp(ext, "html") || !strcasecmp(ext, "htm"))
        return WS_INPUT_HTML;
    return WS_INPUT_AUTO;
}

const char *ws_input_format_name(ws_input_format fmt)
{
    switch (fmt) {
    case WS_INPUT_TEXT: return "text";
    case WS_INPUT_MARKDOWN: return "markdown";
    case WS_INPUT_HTML: return "html";
    case WS_INPUT_AUTO: return "auto";
    }
    return "unknown";
}
