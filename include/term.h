/* term: colour on a terminal, for drctl's human output only.  Colour is on
 * when the stream is a terminal, $NO_COLOR is unset or empty
 * (https://no-color.org) and $TERM is not "dumb"; piped or redirected
 * output, --json and every report file stay plain. */
#ifndef DR_TERM_H
#define DR_TERM_H

#include <stdio.h>

#include "util.h"

#define TERM_RED "\033[31m"
#define TERM_GREEN "\033[32m"
#define TERM_YELLOW "\033[33m"
#define TERM_CYAN "\033[36m"
#define TERM_BOLD "\033[1m"
#define TERM_RESET "\033[0m"

/* 1 when text written to f may carry colour. */
int term_color(FILE *f);

/* Appends text to out with its lines coloured by their start: "FAIL" and
 * "-" red, "WARN" yellow, "ok" and "+" green, "@@" cyan, and a line that
 * starts with a digit and ". " (a plan step) bold; "NOT READY" red and
 * "READY" green wherever they occur.  Text without those is copied as it
 * is. */
void term_colorize(const char *text, size_t len, dr_buf *out);

#endif
