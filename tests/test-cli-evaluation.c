/* test-cli-evaluation.c — pairwise-cli evaluation and report, round trip
 * on the sample; the PDF's page count
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cli-helpers.h"

/* Pages of a PDF: poppler's pdfinfo when installed, else the page objects
 * counted in the file (Cairo writes them uncompressed). */
static guint
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *data = NULL;
  gsize length = 0;
  guint n = 0;

  if (pdfinfo != NULL)
    {
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { pdfinfo, path, NULL };
      int status = 0;
      const char *line;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      line = strstr (out, "\nPages:");
      g_assert_nonnull (line);
      return (guint)g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + strlen ("\nPages:"), " "), NULL, 10);
    }

  g_test_message ("pdfinfo is not installed: counting page objects");
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (const char *p = data; (p = g_strstr_len (p, length - (p - data), "/Type /Page")) != NULL; p++)
    n += p[strlen ("/Type /Page")] != 's';
  return n;
}

static void
prepare_pairs (CliFixture *f)
{
  g_auto(CliResult) r = { 0 };

  cli_run (f, &r, "programme", "sample", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "match", "--programme", "1", "--save", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "pairs", "approve-all", "--programme", "1", NULL);
  g_assert_true (cli_exited_with (&r, 0));
}

/* Fills every row of an exported CSV: scale answers from @values in turn, a
 * comment of @comment_words words, every other person named. */
static char *
fill_csv (const char *exported,
          guint       comment_words)
{
  g_auto(GStrv) lines = g_strsplit (exported, "\r\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) header = g_strsplit (lines[0], ",", -1);
  guint n_fields = g_strv_length (header);

  g_string_append_printf (out, "%s\r\n", lines[0]);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_string_append_printf (out, "%s,%s,%s,%s,%s", fields[0], fields[1], fields[2], fields[3],
                              i % 2 ? "yes" : "no");
      for (guint j = 5; j < n_fields; j++)
        {
          if (g_str_equal (header[j], "improve") || g_str_equal (header[j], "comments"))
            {
              g_string_append (out, ",\"");
              for (guint w = 0; w < comment_words; w++)
                g_string_append (out, w ? " meetings" : "More");
              g_string_append (out, "\"");
            }
          else if (g_str_equal (header[j], "recommend"))
            g_string_append (out, ",yes");
          else
            g_string_append_printf (out, ",%u", 1 + (i + j) % 5);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_round_trip (CliFixture    *f,
                 gconstpointer  data)
{
  g_auto(CliResult) r = { 0 };
  g_autoptr(JsonNode) keep = NULL;
  g_autofree char *form = g_build_filename (f->dir, "mentee-final.csv", NULL);
  g_autofree char *filled = g_build_filename (f->dir, "filled.csv", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
  g_autofree char *html = g_build_filename (f->dir, "programme.html", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "report.csv", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *bad_text = NULL;
  g_autofree char *report = NULL;
  g_autofree char *html_text = NULL;
  JsonArray *status;
  JsonObject *mentee_final;
  GStatBuf st;
  guint asked;

  prepare_pairs (f);

  cli_run (f, &r, "evaluation", "list", "--programme", "1", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, "mentee-final\t"));

  cli_run (f, &r, "evaluation", "export", "--programme", "1", "--questionnaire", "mentee-final", "-o", form, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_no_errno (g_stat (form, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (form, &exported, NULL, NULL));

  cli_run (f, &r, "evaluation", "export", "--programme", "1", "-q", "programme", "--html", "-o", html, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_true (g_file_get_contents (html, &html_text, NULL, NULL));
  g_assert_nonnull (strstr (html_text, "<form id=\"pw-form\""));

  /* A bad value anywhere: one clear line, nothing imported. */
  answers = fill_csv (exported, 0);
  {
    g_auto(GStrv) lines = g_strsplit (exported, "\r\n", 3);
    g_auto(GStrv) first = g_strsplit (lines[1], ",", 5);

    /* The good answers, and then one out of range for someone who asked. */
    bad_text = g_strdup_printf ("%smentee-final,1,%s,%s,,9\r\n", answers, first[2], first[3]);
  }
  g_assert_true (g_file_set_contents (bad, bad_text, -1, NULL));
  cli_run (f, &r, "evaluation", "import", "--programme", "1", bad, NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "bad.csv:"));
  g_assert_cmpuint (strlen (r.err) - 1, ==, strcspn (r.err, "\n"));

  cli_run (f, &r, "evaluation", "status", "--programme", "1", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  {
    g_autoptr(GError) error = NULL;
    keep = json_from_string (r.out, &error);
    g_assert_no_error (error);
  }
  status = json_node_get_array (keep);
  g_assert_cmpuint (json_array_get_length (status), ==, 5);
  mentee_final = json_array_get_object_element (status, 3);
  g_assert_cmpstr (json_object_get_string_member (mentee_final, "questionnaire"), ==, "mentee-final");
  g_assert_cmpint (json_object_get_int_member (mentee_final, "answered"), ==, 0);
  asked = json_object_get_int_member (mentee_final, "asked");
  g_assert_cmpuint (asked, >=, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (mentee_final, "not_answered")), ==, asked);
  g_clear_pointer (&keep, json_node_unref);

  g_assert_true (g_file_set_contents (filled, answers, -1, NULL));
  cli_run (f, &r, "evaluation", "import", "--programme", "1", filled, NULL);
  g_assert_true (cli_exited_with (&r, 0));

  cli_run (f, &r, "evaluation", "status", "--programme", "1", "--questionnaire", "mentee-final", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  {
    g_autoptr(GError) error = NULL;
    keep = json_from_string (r.out, &error);
    g_assert_no_error (error);
  }
  mentee_final = json_array_get_object_element (json_node_get_array (keep), 0);
  g_assert_cmpint (json_object_get_int_member (mentee_final, "answered"), ==, asked);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (mentee_final, "not_answered")), ==, 0);

  /* The report: CSV with the scores, PDF with its fixed pages. */
  cli_run (f, &r, "report", "--programme", "1", "--csv", csv, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_no_errno (g_stat (csv, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (csv, &report, NULL, NULL));
  g_assert_true (g_str_has_prefix (report, "section,figure,value,detail\r\n"));
  g_assert_nonnull (strstr (report, "Scores,Mentees about their mentors,"));
  g_assert_nonnull (strstr (report, "Scores,Mentors about their mentees,,too few answers to show"));
  g_assert_nonnull (strstr (report, "Investment,Summary,"));

  cli_run (f, &r, "report", "--programme", "1", "--pdf", pdf, "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, "\"pages\" : 4"));
  g_assert_no_errno (g_stat (pdf, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (pdf_pages (pdf), ==, 4);

  cli_run (f, &r, "report", "--programme", "1", NULL);
  g_assert_true (cli_exited_with (&r, 2));
  cli_run (f, &r, "evaluation", "status", "--programme", "99", NULL);
  g_assert_true (cli_exited_with (&r, 1));
}

static void
test_pdf_pages_grow (CliFixture    *f,
                     gconstpointer  data)
{
  g_auto(CliResult) r = { 0 };
  g_autofree char *form = g_build_filename (f->dir, "mentor-final.csv", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *answers = NULL;
  guint64 pages = 0;
  const char *text;

  prepare_pairs (f);
  cli_run (f, &r, "evaluation", "export", "--programme", "1", "-q", "mentor-final", "-o", form, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_true (g_file_get_contents (form, &exported, NULL, NULL));

  /* Long comments from everyone run over several pages. */
  answers = fill_csv (exported, 120);
  g_assert_true (g_file_set_contents (form, answers, -1, NULL));
  cli_run (f, &r, "evaluation", "import", "--programme", "1", form, NULL);
  g_assert_true (cli_exited_with (&r, 0));

  cli_run (f, &r, "report", "--programme", "1", "--pdf", pdf, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  text = strstr (r.out, ": ");
  g_assert_nonnull (text);
  pages = g_ascii_strtoull (text + 2, NULL, 10);
  g_assert_cmpuint (pages, >, 5);
  g_assert_cmpuint (pdf_pages (pdf), ==, pages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/evaluation/round-trip", CliFixture, NULL,
              cli_fixture_setup, test_round_trip, cli_fixture_teardown);
  g_test_add ("/cli/evaluation/pdf-pages-grow", CliFixture, NULL,
              cli_fixture_setup, test_pdf_pages_grow, cli_fixture_teardown);

  return g_test_run ();
}
