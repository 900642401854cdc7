#ifndef SCT_INIT_H
#define SCT_INIT_H

/* Record CALL(code) = ? and the exit line now: exit_group from _exit (no destructor
 * will run), exit when a thread ends. */
void sct_record_end(unsigned call, int code);
/* The same whatever the mode: complete mode's handler, at the trapped exit call. */
void sct_record_last(unsigned call, int code);
/* Remember the exit code of exit() / main's return for the destructor. */
void sct_note_exit(int code);
/* Everything due at process exit; safe to call twice. */
void sct_finish(void);

#endif
