#include <stdio.h>
#include <string.h>
#include <histedit.h>

/* libedit's own API (not its readline emulation, which drops text inserted
   before the line is read). The varargs calls are wrapped here, since Swift
   cannot call C variadic functions. */

/* Storage lives in function-local statics: a system module's header has no .c file to define globals in. */
static inline char *debrief_prompt_storage(void) { static char buffer[1024]; return buffer; }
static inline History **debrief_history_slot(void) { static History *history; return &history; }
#define debrief_prompt_buffer (debrief_prompt_storage())
#define debrief_history (*debrief_history_slot())

static inline char *debrief_prompt(EditLine *el) { (void)el; return debrief_prompt_buffer; }

static inline EditLine *debrief_el_open(const char *program) {
    EditLine *el = el_init(program, stdin, stdout, stderr);
    if (el == NULL) return NULL;
    HistEvent ev;
    debrief_history = history_init();
    if (debrief_history != NULL) {
        history(debrief_history, &ev, H_SETSIZE, 500);
        history(debrief_history, &ev, H_SETUNIQUE, 1);
        el_set(el, EL_HIST, history, debrief_history);
    }
    el_set(el, EL_PROMPT, debrief_prompt);
    el_set(el, EL_EDITOR, "emacs");
    /* libedit restores the terminal on SIGINT, SIGTERM, SIGHUP... and then calls our handlers. */
    el_set(el, EL_SIGNAL, 1);
    el_source(el, NULL);
    return el;
}

static inline void debrief_el_set_prompt(const char *prompt) {
    strncpy(debrief_prompt_buffer, prompt, 1023);
    debrief_prompt_buffer[1023] = '\0';
}

static inline void debrief_el_remember(const char *line) {
    HistEvent ev;
    if (debrief_history != NULL) history(debrief_history, &ev, H_ENTER, line);
}
