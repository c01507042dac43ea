/* PLACEHOLDER */
typedef int ws_placeholder_entity;
