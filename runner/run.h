#ifndef SCT_RUN_H
#define SCT_RUN_H

/* The whole runner: parse, validate, start the command, drain, summarise; returns
 * the exit code (or kills itself with the command's fatal signal, as strace does). */
int sct_main(int argc, char **argv);

/* How the runner's own messages start, as strace's do: the name it was run by (argv[0]),
 * "sctrace" until sct_main knows it. */
extern const char *sct_progname;

#endif
