/* Pids with --pidns-translation and -Y: how format/pid.c prints them from the
 * runner's answers, the runner's answers for a task of another namespace that its
 * ring header placed (runner/pidns.c), and the options that ask for them. */
#include <criterion/criterion.h>
#include "format_rec.h"
#include "options_harness.h"
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>
#include "runner/pidns.h"

static struct trec t;
static int asked_id, asked_type;

/* a traced process in a namespace of its own: its 2 is our 4242, its group 5 our 4243 */
static int fake_xlate(int pid, int id, int type, uint64_t when)
{
	(void)pid;
	(void)when;
	asked_id = id;
	asked_type = type;
	return id == 2 ? 4242 : id == 5 ? 4243 : id == 7 ? 7 : 0;
}

static void fake_comm(int pid, int last, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s", pid == 4242 ? "foo<bar>" : last ? "old" : "");
}

static const struct sct_call c_kill = { "kill", 0, 2, SCT_R_INT,
	{ A(PID_PGID, NOAUX), A(SIGNUM, NOAUX) } };
static const struct sct_call c_getpid = { "getpid", 0, 0, SCT_R_PID, { A(INT, NOAUX) } };

static void setup(unsigned decode)
{
	trec_init(&t, 2, 2, 0, 0, 0, 0, 0);
	t.f.decode_pids = decode;
	t.f.pid_xlate = fake_xlate;
	t.f.pid_comm = fake_comm;
	asked_id = asked_type = -1;
}

Test(pidns_format, translated_when_asked)
{
	setup(SCT_DECODE_PID_NS);
	cr_assert_str_eq(trec_line(&t, &c_getpid),
			 "getpid()                                = 2 /* 4242 in strace's PID NS */\n");
	cr_assert_eq(asked_type, SCT_PT_TGID);
}

Test(pidns_format, nothing_without_the_option)
{
	setup(0);
	cr_assert_str_eq(trec_line(&t, &c_getpid), "getpid()                                = 2\n");
	cr_assert_eq(asked_id, -1, "no translation asked for");
}

Test(pidns_format, same_number_no_comment)
{
	/* the runner's namespace: strace prints nothing extra */
	setup(SCT_DECODE_PID_NS);
	trec_rec(&t)->ret = 7;
	cr_assert_str_eq(trec_line(&t, &c_getpid), "getpid()                                = 7\n");
}

Test(pidns_format, unknown_no_comment)
{
	setup(SCT_DECODE_PID_NS);
	trec_rec(&t)->ret = 9;
	cr_assert_str_eq(trec_line(&t, &c_getpid), "getpid()                                = 9\n");
}

Test(pidns_format, kill_group_is_translated_as_a_group)
{
	setup(SCT_DECODE_PID_NS);
	trec_rec(&t)->arg[0] = (uint64_t)-5;
	trec_rec(&t)->arg[1] = 15;
	cr_assert_str_eq(trec_arg(&t, &c_kill, 0), "-5 /* 4243 in strace's PID NS */");
	cr_assert_eq(asked_id, 5);
	cr_assert_eq(asked_type, SCT_PT_PGID);
	trec_rec(&t)->arg[0] = (uint64_t)-1;	/* every process: no translation */
	asked_id = -1;
	cr_assert_str_eq(trec_arg(&t, &c_kill, 0), "-1");
	cr_assert_eq(asked_id, -1);
}

Test(pidns_format, comm_escaped_then_translation)
{
	setup(SCT_DECODE_PID_ALL);
	cr_assert_str_eq(trec_line(&t, &c_getpid),
			 "getpid()                                = 2<foo\\74bar\\76> /* 4242 in strace's PID NS */\n");
}

Test(pidns_format, comm_not_of_a_group)
{
	setup(SCT_DECODE_PID_COMM);
	trec_rec(&t)->arg[0] = (uint64_t)-5;
	cr_assert_str_eq(trec_arg(&t, &c_kill, 0), "-5");
}

Test(pidns_format, prefix_with_comm)
{
	setup(SCT_DECODE_PID_COMM);
	t.f.prefix = 2;
	trec_rec(&t)->pid = trec_rec(&t)->tid = 4242;
	cr_assert_str_eq(trec_line(&t, &c_getpid),
			 "4242<foo\\74bar\\76> getpid()             = 2<foo\\74bar\\76>\n");
	t.f.prefix = 1;
	trec_rec(&t)->pid = trec_rec(&t)->tid = 99;	/* gone: its last name */
	trec_rec(&t)->ret = 7;
	cr_assert_str_eq(trec_line(&t, &c_getpid),
			 "[pid    99<old>] getpid()               = 7\n");
}

/* runner/pidns.c: a ring header of a task in namespace 4026532999 */
static struct sct_ring h;

static void header(uint32_t ns, int pid, int tid, int ns_pid, int ns_tid)
{
	memset(&h, 0, sizeof(h));
	h.pid = pid;
	h.tid = tid;
	h.pidns = ns;
	h.ns_level = 1;
	h.ns_pid = ns_pid;
	h.ns_tid = ns_tid;
}

Test(pidns_runner, ring_of_another_namespace)
{
	int pid = 2, tid = 3, own_pid = 0, own_tid = 0;
	struct sct_rec rec = { .pid = 2, .tid = 3 };

	header(4026532999u, 2, 3, 31000, 31001);
	sct_pidns_ring(&h, &pid, &tid, &own_pid, &own_tid);
	cr_assert_eq(pid, 31000);
	cr_assert_eq(tid, 31001);
	cr_assert_eq(own_pid, 2);
	cr_assert_eq(own_tid, 3);
	/* its records carry its own numbers: the runner's instead */
	sct_pidns_rec(own_pid, own_tid, pid, tid, &rec);
	cr_assert_eq(rec.pid, 31000);
	cr_assert_eq(rec.tid, 31001);
	rec.pid = 2;
	rec.tid = 0;		/* the main thread stays 0 */
	sct_pidns_rec(own_pid, own_tid, pid, tid, &rec);
	cr_assert_eq(rec.tid, 0);
	/* the numbers its own records carry, in the runner's namespace, from the header */
	cr_assert_eq(sct_pidns_xlate(31000, 2, SCT_PT_TGID, 0), 31000);
	cr_assert_eq(sct_pidns_xlate(31000, 3, SCT_PT_TID, 0), 31001);
	/* a process of the runner's namespace: the number itself, nothing read */
	cr_assert_eq(sct_pidns_xlate(555, 77, SCT_PT_TGID, 0), 77);
	cr_assert_eq(sct_pidns_xlate(31000, -1, SCT_PT_TGID, 0), -1);
}

Test(pidns_runner, ring_of_our_namespace_untouched)
{
	int pid = 40, tid = 41, own_pid = 0, own_tid = 0;

	header(0, 40, 41, 0, 0);
	sct_pidns_ring(&h, &pid, &tid, &own_pid, &own_tid);
	cr_assert_eq(pid, 40);
	cr_assert_eq(tid, 41);
	cr_assert_eq(own_pid, 0);
}

Test(pidns_runner, task_that_could_not_say)
{
	/* its /proc was another instance: its own numbers stay */
	int pid = 2, tid = 2, own_pid = 0, own_tid = 0;

	header(4026532998u, 2, 2, 0, 0);
	sct_pidns_ring(&h, &pid, &tid, &own_pid, &own_tid);
	cr_assert_eq(pid, 2);
	cr_assert_eq(tid, 2);
	cr_assert_eq(own_pid, 0, "nothing to translate its records with");
}

Test(pidns_options, spellings)
{
	cr_assert_eq(PARSE(o, err, "--pidns-translation", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_pids, SCT_DECODE_PID_NS);
	cr_assert_eq(PARSE(o, err, "--decode-pids=pidns", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_pids, SCT_DECODE_PID_NS);
	cr_assert_eq(PARSE(o, err, "-Y", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_pids, SCT_DECODE_PID_COMM);
	cr_assert_eq(PARSE(o, err, "-e", "decode-pids=comm,pidns", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_pids, SCT_DECODE_PID_ALL);
	cr_assert_eq(PARSE(o, err, "-e", "decode-pid=all", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_pids, SCT_DECODE_PID_ALL);
	cr_assert_eq(PARSE(o, err, "--decode-pids=!comm", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_pids, SCT_DECODE_PID_NS);
}

Test(pidns_options, each_use_replaces_the_set)
{
	/* strace: qualify_decode_pid() starts from an empty set every time */
	cr_assert_eq(PARSE(o, err, "-Y", "--pidns-translation", "true"), SCT_OPT_OK);
	cr_assert_eq(o.decode_pids, SCT_DECODE_PID_NS);
	cr_assert_eq(PARSE(o, err, "--pidns-translation", "-e", "decode-pids=none", "true"),
		     SCT_OPT_OK);
	cr_assert_eq(o.decode_pids, 0);
}

Test(pidns_options, errors)
{
	cr_assert_eq(PARSE(o, err, "--decode-pids=foo", "true"), SCT_OPT_FATAL);
	cr_assert_str_eq(err, "invalid decode-pids 'foo'");
	cr_assert_eq(PARSE(o, err, "--pidns-translation=1", "true"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "option '--pidns-translation' doesn't allow an argument");
	cr_assert_eq(PARSE(o, err, "--decode-pids"), SCT_OPT_USAGE);
	cr_assert_str_eq(err, "option '--decode-pids' requires an argument");
}

Test(pidns_format, defaults_ask_nothing)
{
	/* the library's standalone printer starts from these, on its stack */
	struct sct_fmt_opts f;

	memset(&f, 0xa5, sizeof(f));
	sct_fmt_defaults(&f);
	cr_assert_eq(f.decode_pids, 0);
	cr_assert_null(f.pid_xlate);
	cr_assert_null(f.pid_comm);
}

/* A process of another pid namespace whose /proc could not say where it is (a
 * container's own /proc): the runner finds it in its own /proc, by its namespace and
 * its own number.  Needs a user and pid namespace (skipped where none can be made). */
Test(pidns_runner, found_in_proc_when_it_could_not_say)
{
	int ready[2], hold[2], pid = 1, tid = 1, own_pid = 0, own_tid = 0;
	char path[64], link[64];
	pid_t outer, child;
	ssize_t n;

	cr_assert_eq(pipe(ready), 0);
	cr_assert_eq(pipe(hold), 0);
	outer = fork();
	cr_assert_geq(outer, 0);
	if (outer == 0) {
		char c;

		close(ready[0]);
		close(hold[1]);		/* the test's end: its close ends the child */
		if (unshare(CLONE_NEWUSER | CLONE_NEWPID) < 0)
			_exit(77);
		child = fork();		/* pid 1 of the new namespace */
		if (child == 0) {
			(void)!write(ready[1], "x", 1);
			close(ready[1]);
			(void)!read(hold[0], &c, 1);	/* until the test is done */
			_exit(0);
		}
		close(ready[1]);
		close(hold[0]);
		_exit(child > 0 && waitpid(child, NULL, 0) == child ? 0 : 1);
	}
	close(ready[1]);
	close(hold[0]);
	if (read(ready[0], path, 1) != 1) {
		waitpid(outer, NULL, 0);
		cr_skip_test("no user and pid namespace here");
	}
	/* the child: outer's only child, pid 1 in its namespace */
	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", outer, outer);
	{
		FILE *f = fopen(path, "r");

		cr_assert_not_null(f);
		cr_assert_eq(fscanf(f, "%d", &child), 1);
		fclose(f);
	}
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", child);
	n = readlink(path, link, sizeof(link) - 1);
	cr_assert_gt(n, 5);
	link[n] = 0;
	header((uint32_t)strtoul(link + 5, NULL, 10), 1, 1, 0, 0);
	sct_pidns_ring(&h, &pid, &tid, &own_pid, &own_tid);
	cr_assert_eq(pid, child, "pid %d, not the child %d", pid, (int)child);
	cr_assert_eq(tid, child);
	cr_assert_eq(own_pid, 1);
	close(hold[1]);
	waitpid(outer, NULL, 0);
}
