/* pw-cli-solve.c — pairwise-cli solve: the exact solver on a raw score matrix
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-cli.h"
#include "pw-solver.h"

/* A cell as read: where it stands and its text, quotes and blanks removed. */
typedef struct
{
  guint       line;
  guint       column;  /* 1-based, in characters */
  const char *start;
  gsize       length;
} Cell;

static void
print_solve_help (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  pairwise-cli solve MATRIX.csv [--capacity CAPS.csv] [--policy coverage|score] [--json]\n\n");
  fprintf (out, "%s\n",
           _("Rows of MATRIX.csv are mentees, columns are mentors, cells are whole-number scores; "
             "an empty cell forbids the pair. CAPS.csv holds one capacity per mentor, one a line "
             "or all on one row (every mentor takes one mentee without it)."));
  fprintf (out, "%s\n",
           _("--policy coverage (the default) matches as many mentees as possible, then "
             "maximizes the total; --policy score maximizes the total alone."));
  fprintf (out, "%s\n",
           _("Mentees and mentors are numbered from 1, as the rows and columns of the file. "
             "With --json the result also gives the solver’s own time, solve_ms."));
}

/* Splits @text into lines of cells, calling @cell_func for each. The
 * separator is a comma, or a semicolon when the first line has semicolons
 * and no comma. A UTF-8 BOM and CR before LF are skipped; so are empty
 * lines at the very end. */
static GArray *
split_cells (const char  *text,
             gsize        length,
             GArray     **out_row_lengths)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr(GArray) row_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;
  const char *end = text + length;
  const char *first_nl;
  char sep = ',';
  guint line = 1;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (end > p && (end[-1] == '\n' || end[-1] == '\r'))
    end--;

  first_nl = memchr (p, '\n', end - p);
  if (first_nl == NULL)
    first_nl = end;
  if (memchr (p, ';', first_nl - p) != NULL && memchr (p, ',', first_nl - p) == NULL)
    sep = ';';

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *line_start = p;
      guint n_cells = 0;

      if (eol == NULL)
        eol = end;

      for (;;)
        {
          const char *cell_end = p;
          Cell cell;

          while (cell_end < eol && *cell_end != sep)
            cell_end++;

          cell.line = line;
          cell.column = g_utf8_strlen (line_start, p - line_start) + 1;
          cell.start = p;
          cell.length = cell_end - p;

          /* Blanks, a CR at the end of the line, one pair of quotes. */
          while (cell.length > 0 && (cell.start[cell.length - 1] == ' ' ||
                                     cell.start[cell.length - 1] == '\t' ||
                                     cell.start[cell.length - 1] == '\r'))
            cell.length--;
          while (cell.length > 0 && (cell.start[0] == ' ' || cell.start[0] == '\t'))
            {
              cell.start++;
              cell.length--;
            }
          if (cell.length >= 2 && cell.start[0] == '"' && cell.start[cell.length - 1] == '"')
            {
              cell.start++;
              cell.length -= 2;
            }

          g_array_append_val (cells, cell);
          n_cells++;

          if (cell_end >= eol)
            break;
          p = cell_end + 1;
        }

      g_array_append_val (row_lengths, n_cells);
      p = eol + 1;
      line++;
    }

  *out_row_lengths = g_steal_pointer (&row_lengths);
  return g_steal_pointer (&cells);
}

static gboolean
parse_cell_int (const char  *path,
                const Cell  *cell,
                gint64       min,
                gint64       max,
                gint64      *out_value,
                GError     **error)
{
  g_autofree char *text = g_strndup (cell->start, cell->length);
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s:%u:%u: “%s” is not a whole number. Write an integer, "
                     "or leave the cell empty to forbid the pair."),
                   path, cell->line, cell->column, text);
      return FALSE;
    }

  if (value < min || value > max)
    {
      g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s:%u:%u: %s is out of range; use a number from %s to %s."),
                   path, cell->line, cell->column, text, lo, hi);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

static PwSolverProblem *
read_matrix (const char  *path,
             GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GArray) row_lengths = NULL;
  g_autoptr(PwSolverProblem) problem = NULL;
  gint32 *scores;
  gsize length = 0;
  guint n_mentees;
  guint n_mentors;
  guint c = 0;

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;

  cells = split_cells (text, length, &row_lengths);
  if (row_lengths->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the file is empty. Write one row of scores per mentee."), path);
      return NULL;
    }

  n_mentees = row_lengths->len;
  n_mentors = g_array_index (row_lengths, guint, 0);

  for (guint i = 0; i < n_mentees; i++)
    {
      guint n = g_array_index (row_lengths, guint, i);
      const Cell *first = &g_array_index (cells, Cell, c);

      if (n != n_mentors)
        {
          /* Point at the first cell too many, or the last one there is. */
          const Cell *at = &g_array_index (cells, Cell, c + MIN (n - 1, n_mentors));

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s:%u:%u: this row has %u cells but the first row has %u. "
                         "Give every mentee one cell per mentor (empty to forbid a pair)."),
                       path, first->line, at->column, n, n_mentors);
          return NULL;
        }
      c += n;
    }

  problem = pw_solver_problem_new (n_mentees, n_mentors);
  scores = pw_solver_problem_get_scores (problem);

  for (c = 0; c < cells->len; c++)
    {
      const Cell *cell = &g_array_index (cells, Cell, c);
      gint64 value;

      if (cell->length == 0)
        {
          scores[c] = PW_SOLVER_FORBIDDEN;
          continue;
        }

      if (!parse_cell_int (path, cell, G_MININT32 + 1, G_MAXINT32, &value, error))
        return NULL;
      scores[c] = (gint32)value;
    }

  return g_steal_pointer (&problem);
}

static gboolean
read_capacities (const char       *path,
                 PwSolverProblem  *problem,
                 GError          **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) cells = NULL;
  g_autoptr(GArray) row_lengths = NULL;
  guint n_mentors = pw_solver_problem_get_n_mentors (problem);
  gsize length = 0;

  if (!g_file_get_contents (path, &text, &length, error))
    return FALSE;

  cells = split_cells (text, length, &row_lengths);

  /* One row of capacities, or one capacity a line. */
  if (row_lengths->len > 1)
    {
      guint c = 0;

      for (guint r = 0; r < row_lengths->len; r++)
        {
          guint n = g_array_index (row_lengths, guint, r);

          if (n != 1)
            {
              const Cell *cell = &g_array_index (cells, Cell, c + 1);

              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("%s:%u:%u: more than one capacity on this line. Write one "
                             "capacity a line, or all of them on a single row."),
                           path, cell->line, cell->column);
              return FALSE;
            }
          c += n;
        }
    }

  if (cells->len != n_mentors)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: %u capacities for %u mentors. Give one capacity for each "
                     "column of the score matrix."),
                   path, cells->len, n_mentors);
      return FALSE;
    }

  for (guint c = 0; c < cells->len; c++)
    {
      const Cell *cell = &g_array_index (cells, Cell, c);
      g_autofree char *cell_text = g_strndup (cell->start, cell->length);
      guint64 value;

      if (!g_ascii_string_to_unsigned (cell_text, 10, 0, G_MAXINT32, &value, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s:%u:%u: “%s” is not a capacity. Write a whole number of "
                         "mentees, 0 or more."),
                       path, cell->line, cell->column, cell_text);
          return FALSE;
        }
      pw_solver_problem_set_capacity (problem, c, (guint)value);
    }

  return TRUE;
}

static void
print_result_text (PwSolverProblem *problem,
                   PwSolverResult  *result)
{
  guint n = pw_solver_result_get_n_mentees (result);
  g_autofree char *total = NULL;

  for (guint i = 0; i < n; i++)
    {
      int j = pw_solver_result_get_mentor (result, i);

      if (j < 0)
        printf (_("Mentee %u: none"), i + 1);
      else
        printf (_("Mentee %u: mentor %d, score %d"), i + 1, j + 1,
                pw_solver_problem_get_score (problem, i, j));
      putchar ('\n');
    }

  total = g_strdup_printf ("%" G_GINT64_FORMAT, pw_solver_result_get_total (result));
  printf (_("Total: %s, %u of %u mentees matched"),
          total, pw_solver_result_get_n_matched (result), n);
  putchar ('\n');
}

static void
print_result_json (PwSolverProblem *problem,
                   PwSolverResult  *result,
                   PwSolverPolicy   policy,
                   gint64           solve_us)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = pw_solver_result_get_n_mentees (result);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "policy");
  json_builder_add_string_value (builder, policy == PW_SOLVER_POLICY_COVERAGE ? "coverage" : "score");
  json_builder_set_member_name (builder, "mentees");
  json_builder_add_int_value (builder, n);
  json_builder_set_member_name (builder, "mentors");
  json_builder_add_int_value (builder, pw_solver_problem_get_n_mentors (problem));
  json_builder_set_member_name (builder, "assignment");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      int j = pw_solver_result_get_mentor (result, i);

      if (j < 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, j + 1);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, pw_solver_result_get_total (result));
  json_builder_set_member_name (builder, "matched");
  json_builder_add_int_value (builder, pw_solver_result_get_n_matched (result));
  json_builder_set_member_name (builder, "solve_ms");
  json_builder_add_double_value (builder, solve_us / 1000.0);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  pw_cli_print_json (root);
}

int
pw_cli_solve (PwCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(PwSolverProblem) problem = NULL;
  g_autoptr(PwSolverResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PwSolverPolicy policy = PW_SOLVER_POLICY_COVERAGE;
  const char *matrix_path = NULL;
  const char *caps_path = NULL;
  gint64 started;
  gint64 solve_us;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *policy_name = NULL;

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_solve_help (stdout);
          return PW_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--capacity") && i + 1 < argc)
        caps_path = argv[++i];
      else if (g_str_has_prefix (arg, "--capacity="))
        caps_path = arg + strlen ("--capacity=");
      else if (g_str_equal (arg, "--policy") && i + 1 < argc)
        policy_name = argv[++i];
      else if (g_str_has_prefix (arg, "--policy="))
        policy_name = arg + strlen ("--policy=");
      else if (arg[0] == '-' && arg[1] != '\0')
        return pw_cli_usage_error (_("solve: unexpected “%s”. Run “pairwise-cli solve --help”."), arg);
      else if (matrix_path == NULL)
        matrix_path = arg;
      else
        return pw_cli_usage_error (_("solve: one score matrix at a time; “%s” is one too many."), arg);

      if (policy_name != NULL)
        {
          if (g_str_equal (policy_name, "coverage"))
            policy = PW_SOLVER_POLICY_COVERAGE;
          else if (g_str_equal (policy_name, "score"))
            policy = PW_SOLVER_POLICY_SCORE;
          else
            return pw_cli_usage_error (_("solve: --policy is “coverage” or “score”, not “%s”."),
                                       policy_name);
        }
    }

  if (matrix_path == NULL)
    {
      print_solve_help (stderr);
      return PW_CLI_EXIT_USAGE;
    }

  problem = read_matrix (matrix_path, &error);
  if (problem == NULL)
    return pw_cli_fail ("%s", error->message);

  if (caps_path != NULL && !read_capacities (caps_path, problem, &error))
    return pw_cli_fail ("%s", error->message);

  started = g_get_monotonic_time ();
  result = pw_solver_solve (problem, policy, NULL, NULL, NULL, &error);
  solve_us = g_get_monotonic_time () - started;
  if (result == NULL)
    return pw_cli_fail ("%s", error->message);

  if (ctx->json)
    print_result_json (problem, result, policy, solve_us);
  else
    print_result_text (problem, result);

  return PW_CLI_EXIT_OK;
}
