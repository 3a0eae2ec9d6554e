#include <stdio.h>
#include <editline/readline.h>

/* Setting libedit's globals from Swift 6 needs a function (global C state is not concurrency-safe to touch directly). */
static inline void debrief_set_startup_hook(rl_hook_func_t *hook) { rl_startup_hook = hook; }
