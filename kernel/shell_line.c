/*
 * kernel/shell_line.c - the console's line editor: what a learner expects
 * from a shell prompt. No Linux counterpart (Linux leaves this to user
 * space: bash's readline, busybox's lineedit); ours speaks the same keys:
 *
 *   printable       insert at the cursor         Backspace/DEL  delete before it
 *   Left/Right      move (ESC [ D / ESC [ C)      Home/End, ^A/^E  line start/end
 *                   (under QEMU -nographic, ^A is QEMU's own prefix: use Home)
 *   Up/Down         history (ESC [ A / ESC [ B)   ^C   abandon the line
 *   Tab             complete a command name, or a path after "cat "
 *
 * Redrawing uses only backspace and rewriting, which every terminal
 * understands. A line longer than the buffer is refused as a whole.
 */
#include <linux/kernel.h>
#include <linux/shell.h>
#include <string.h>

#define HIST_LEN   16
#define CTRL(c)    ((c) & 0x1f)
#define KEY_ESC    0x1b

struct line {
	struct console *con;
	const char *prompt;
	char *buf;
	int max, n, cur;        /* buffer size, length, cursor (0..n) */
	bool overflow;
};

static char history[HIST_LEN][SHELL_LINE_MAX];
static int hist_count;      /* lines ever stored; the newest is (hist_count - 1) % HIST_LEN */

static void out(struct line *l, const char *s, int n)
{
	if (n > 0)
		l->con->write(l->con, s, n);
}

static void back(struct line *l, int n)
{
	while (n-- > 0)
		out(l, "\b", 1);
}

/* Rewrite from the cursor to the end, blank `extra` old cells, come back. */
static void redraw_tail(struct line *l, int extra)
{
	int i;

	out(l, l->buf + l->cur, l->n - l->cur);
	for (i = 0; i < extra; i++)
		out(l, " ", 1);
	back(l, l->n - l->cur + extra);
}

static void insert(struct line *l, const char *s, int len)
{
	if (l->n + len > l->max - 1) {
		l->overflow = true;
		out(l, "\a", 1);
		return;
	}
	memmove(l->buf + l->cur + len, l->buf + l->cur, l->n - l->cur);
	memcpy(l->buf + l->cur, s, len);
	l->n += len;
	out(l, l->buf + l->cur, len);
	l->cur += len;
	redraw_tail(l, 0);
}

static void delete_before(struct line *l)
{
	if (!l->cur)
		return;
	memmove(l->buf + l->cur - 1, l->buf + l->cur, l->n - l->cur);
	l->cur--, l->n--;
	back(l, 1);
	redraw_tail(l, 1);
}

static void move_to(struct line *l, int pos)
{
	if (pos < l->cur)
		back(l, l->cur - pos);
	else
		out(l, l->buf + l->cur, pos - l->cur);
	l->cur = pos;
}

/* Replace the whole line by s (history), cursor at its end. */
static void replace(struct line *l, const char *s)
{
	int old = l->n, len = strlen(s);

	move_to(l, 0);
	memcpy(l->buf, s, len);
	l->n = l->cur = len;
	out(l, l->buf, len);
	redraw_tail(l, old > len ? old - len : 0);
}

/* Up (dir -1) or Down (+1) through history; *pos counts back from now. */
static void history_step(struct line *l, int dir, int *pos)
{
	int avail = hist_count < HIST_LEN ? hist_count : HIST_LEN;
	int next = *pos - dir;

	if (next < 0 || next > avail)
		return;
	*pos = next;
	replace(l, next ? history[(hist_count - next) % HIST_LEN] : "");
}

static void history_add(const char *s)
{
	if (!*s || (hist_count && !strcmp(s, history[(hist_count - 1) % HIST_LEN])))
		return;
	memcpy(history[hist_count % HIST_LEN], s, strlen(s) + 1);
	hist_count++;
}

/* Tab: complete the word before the cursor (shell_complete lists candidates). */
static void complete(struct line *l)
{
	char word[SHELL_LINE_MAX];
	int start = l->cur, added;

	while (start && l->buf[start - 1] != ' ')
		start--;
	memcpy(word, l->buf + start, l->cur - start);
	word[l->cur - start] = '\0';
	l->buf[l->n] = '\0';
	added = shell_complete(l->buf, start, word, l->max - 1 - l->n);
	if (added > 0) {
		insert(l, word + l->cur - start, added);
	} else if (added < 0) {         /* candidates were printed: redraw */
		out(l, l->prompt, strlen(l->prompt));
		out(l, l->buf, l->n);
		back(l, l->n - l->cur);
	}
}

/* ESC [ x and ESC O x sequences (cursor keys, Home, End). */
static void escape(struct line *l, int *hist_pos)
{
	int c = l->con->read_char(l->con), k;

	while (c < 0)
		c = l->con->read_char(l->con);
	if (c != '[' && c != 'O')
		return;
	while ((k = l->con->read_char(l->con)) < 0)
		;
	switch (k) {
	case 'A': history_step(l, -1, hist_pos); break;
	case 'B': history_step(l, +1, hist_pos); break;
	case 'C': if (l->cur < l->n) move_to(l, l->cur + 1); break;
	case 'D': if (l->cur) move_to(l, l->cur - 1); break;
	case 'H': move_to(l, 0); break;
	case 'F': move_to(l, l->n); break;
	}
}

int shell_read_line(struct console *con, const char *prompt, char *buf, int max)
{
	struct line l = { .con = con, .prompt = prompt, .buf = buf, .max = max };
	int hist_pos = 0, c;
	char ch;

	out(&l, prompt, strlen(prompt));
	for (;;) {
		c = con->read_char(con);
		if (c < 0)
			continue;
		ch = (char)c;
		if (c == '\r' || c == '\n') {
			move_to(&l, l.n);
			out(&l, "\n", 1);
			buf[l.n] = '\0';
			if (l.overflow)
				return -1;
			history_add(buf);
			return l.n;
		}
		if (c == CTRL('C')) {
			out(&l, "^C\n", 3);
			buf[0] = '\0';
			return 0;
		}
		if (c == '\b' || c == 0x7f)
			delete_before(&l);
		else if (c == KEY_ESC)
			escape(&l, &hist_pos);
		else if (c == '\t')
			complete(&l);
		else if (c == CTRL('A'))
			move_to(&l, 0);
		else if (c == CTRL('E'))
			move_to(&l, l.n);
		else if (c >= ' ' && c < 0x7f)
			insert(&l, &ch, 1);
	}
}
