#ifndef SCT_INIT_H
#define SCT_INIT_H

/* Record exit_group(code) and the exit line now (_exit: no destructor will run). */
void sct_record_exit(int code);
/* Remember the exit code of exit() / main's return for the destructor. */
void sct_note_exit(int code);
/* Everything due at process exit; safe to call twice. */
void sct_finish(void);

#endif
