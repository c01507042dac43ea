/* ruleset_load.h - shared by the loaders of check rules and of lexicons. */
#ifndef WS_RULESET_LOAD_H
#define WS_RULESET_LOAD_H

#include "ruleset/ruleset.h"
#include "ruleset/yaml_util.h"

/* Register token phrase @phrase for rule @rule (see ws_trigger). */
int ws_ruleset_add_trigger(ws_ruleset *rs, ws_rule_file *rf, const ws_entry *e, const char *phrase,
                           size_t len, bool ignorecase, uint32_t rule, uint8_t role, uint32_t item,
                           ws_level level);

/* Register every phrase of a word list node; @with_level allows "| level". */
int ws_ruleset_add_phrases(ws_ruleset *rs, ws_rule_file *rf, const yaml_node_t *node, uint32_t rule,
                           uint8_t role, uint32_t item, bool with_level);

/* Compile pattern node @node for rule @rule. */
int ws_ruleset_add_pattern(ws_ruleset *rs, ws_rule_file *rf, const yaml_node_t *node, uint32_t rule,
                           uint8_t role, uint32_t item);

/* Lexicon types (lexicon_load.c). */
bool ws_lexicon_type_exists(const char *type);
int ws_lexicon_type_load(ws_ruleset *rs, ws_rule_file *rf, const char *type);

#endif
