/* test-csv.c — the RFC 4180 reader and writer, one tricky case a test
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pw-csv.h"

static PwCsvTable *
parse_ok (const char *text,
          char        separator)
{
  g_autoptr(GError) error = NULL;
  PwCsvTable *table = pw_csv_parse (text, strlen (text), separator, "t.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_record (PwCsvTable *table,
               guint       record,
               guint       line,
               ...)
{
  va_list args;
  guint i = 0;

  g_assert_cmpuint (pw_csv_table_get_line (table, record), ==, line);

  va_start (args, line);
  for (const char *want = va_arg (args, const char *); want != NULL; want = va_arg (args, const char *))
    g_assert_cmpstr (pw_csv_table_get_field (table, record, i++), ==, want);
  va_end (args);

  g_assert_cmpuint (pw_csv_table_get_n_fields (table, record), ==, i);
}

static void
test_quoted_fields (void)
{
  g_autoptr(PwCsvTable) t = parse_ok ("name,email\n\"Ada Lovelace\",\"ada@example.org\"\n\"\",x\n", 0);

  g_assert_cmpuint (pw_csv_table_get_n_records (t), ==, 3);
  assert_record (t, 0, 1, "name", "email", NULL);
  assert_record (t, 1, 2, "Ada Lovelace", "ada@example.org", NULL);
  assert_record (t, 2, 3, "", "x", NULL);
}

static void
test_embedded_comma (void)
{
  g_autoptr(PwCsvTable) t = parse_ok ("name,dept\n\"Lovelace, Ada\",\"R&D, Analytics\"\n", 0);

  assert_record (t, 1, 2, "Lovelace, Ada", "R&D, Analytics", NULL);
}

static void
test_embedded_quote (void)
{
  g_autoptr(PwCsvTable) t = parse_ok ("name,nick\n\"Ada \"\"Countess\"\" Lovelace\",\"\"\"\"\n", 0);

  assert_record (t, 1, 2, "Ada \"Countess\" Lovelace", "\"", NULL);
}

static void
test_embedded_newline (void)
{
  g_autoptr(PwCsvTable) t =
    parse_ok ("name,about\n"
              "Ada,\"line one\nline two\r\nline three\"\n"
              "Grace,plain\n"
              "Alan,\"x\n\ny\"\n"
              "Edsger,last\n", 0);

  g_assert_cmpuint (pw_csv_table_get_n_records (t), ==, 5);
  assert_record (t, 1, 2, "Ada", "line one\nline two\r\nline three", NULL);
  /* The record after a two-newline field starts on physical line 5. */
  assert_record (t, 2, 5, "Grace", "plain", NULL);
  assert_record (t, 3, 6, "Alan", "x\n\ny", NULL);
  assert_record (t, 4, 9, "Edsger", "last", NULL);
}

static void
test_crlf (void)
{
  g_autoptr(PwCsvTable) t = parse_ok ("a,b\r\n1,2\r\n3,4\r\n", 0);

  g_assert_cmpuint (pw_csv_table_get_n_records (t), ==, 3);
  assert_record (t, 1, 2, "1", "2", NULL);
  assert_record (t, 2, 3, "3", "4", NULL);
}

static void
test_lf (void)
{
  g_autoptr(PwCsvTable) t = parse_ok ("a,b\n1,2\n3,4\n", 0);

  g_assert_cmpuint (pw_csv_table_get_n_records (t), ==, 3);
  assert_record (t, 2, 3, "3", "4", NULL);
}

static void
test_bom (void)
{
  g_autoptr(PwCsvTable) t = parse_ok ("\xEF\xBB\xBFname;email\nAda;ada@example.org\n", 0);

  /* The BOM is not part of the first header, and does not hide the separator. */
  g_assert_cmpint (pw_csv_table_get_separator (t), ==, ';');
  assert_record (t, 0, 1, "name", "email", NULL);
  assert_record (t, 1, 2, "Ada", "ada@example.org", NULL);
}

static void
test_no_bom (void)
{
  g_autoptr(PwCsvTable) t = parse_ok ("name,email\nZoë,zoe@example.org\n", 0);

  assert_record (t, 0, 1, "name", "email", NULL);
  assert_record (t, 1, 2, "Zoë", "zoe@example.org", NULL);
}

static void
test_semicolon (void)
{
  g_autoptr(PwCsvTable) detected = parse_ok ("name;dept;\"a,b;c\"\n\"Lovelace, Ada\";R&D;1,5\n", 0);
  g_autoptr(PwCsvTable) forced = parse_ok ("name,dept\nAda;R&D,x\n", ';');

  g_assert_cmpint (pw_csv_table_get_separator (detected), ==, ';');
  assert_record (detected, 0, 1, "name", "dept", "a,b;c", NULL);
  assert_record (detected, 1, 2, "Lovelace, Ada", "R&D", "1,5", NULL);

  g_assert_cmpint (pw_csv_table_get_separator (forced), ==, ';');
  assert_record (forced, 0, 1, "name,dept", NULL);
  assert_record (forced, 1, 2, "Ada", "R&D,x", NULL);
}

static void
test_no_final_newline (void)
{
  g_autoptr(PwCsvTable) t = parse_ok ("a,b\n1,2\n3,\"4\"", 0);
  g_autoptr(PwCsvTable) blank = parse_ok ("a,b\r\n1,2\r\n\r\n", 0);
  g_autoptr(PwCsvTable) empty_last = parse_ok ("a,b\n1,", 0);

  g_assert_cmpuint (pw_csv_table_get_n_records (t), ==, 3);
  assert_record (t, 2, 3, "3", "4", NULL);

  /* A blank trailing line is no record. */
  g_assert_cmpuint (pw_csv_table_get_n_records (blank), ==, 2);

  assert_record (empty_last, 1, 2, "1", "", NULL);
}

static void
test_not_utf8 (void)
{
  /* "Zoë" in Latin-1: the ë is byte 0xEB at offset 13. */
  static const char latin1[] = "name,email\nZo\xEB,zoe@example.org\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PwCsvTable) t = NULL;

  t = pw_csv_parse (latin1, strlen (latin1), 0, "people.csv", &error);
  g_assert_null (t);
  g_assert_error (error, PW_CSV_ERROR, PW_CSV_ERROR_NOT_UTF8);
  g_assert_nonnull (strstr (error->message, "people.csv"));
  g_assert_nonnull (strstr (error->message, "byte 13 "));
  g_assert_nonnull (strstr (error->message, "line 2"));
}

/* The check runs eight bytes at a time over plain ASCII: what it stops
 * at, well into the file, is still found and placed exactly. */
static void
test_not_utf8_far_in (void)
{
  g_autoptr(GString) text = g_string_new ("name,about\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PwCsvTable) t = NULL;
  gsize nul;

  for (guint i = 0; i < 20; i++)
    g_string_append (text, "Ada,likes caf\xc3\xa9s and \"quotes\"\n");
  nul = text->len + 5;
  g_string_append_len (text, "Kurt,\0x\n", 8);

  t = pw_csv_parse (text->str, nul - 1, 0, "people.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pw_csv_table_get_n_records (t), ==, 22);
  g_assert_cmpstr (pw_csv_table_get_field (t, 1, 1), ==, "likes caf\xc3\xa9s and \"quotes\"");
  g_clear_pointer (&t, pw_csv_table_unref);

  t = pw_csv_parse (text->str, text->len, 0, "people.csv", &error);
  g_assert_null (t);
  g_assert_error (error, PW_CSV_ERROR, PW_CSV_ERROR_NOT_UTF8);
  g_assert_nonnull (strstr (error->message, "NUL"));
  {
    g_autofree char *where = g_strdup_printf ("byte %" G_GSIZE_FORMAT " (line 22)", nul);
    g_assert_nonnull (strstr (error->message, where));
  }
  g_clear_error (&error);

  /* A lead byte with no continuation, just as far in. */
  text->str[nul] = '\xc3';
  t = pw_csv_parse (text->str, text->len, 0, "people.csv", &error);
  g_assert_error (error, PW_CSV_ERROR, PW_CSV_ERROR_NOT_UTF8);
  g_assert_null (strstr (error->message, "NUL"));
}

/* Lines inside quoted fields: LF, CRLF and a CR alone each end one. */
static void
test_lines_in_quotes (void)
{
  static const char text[] = "name,about\r\nAda,\"one\rtwo\r\nthree\nfour\"\r\nGrace,\"\"\"x\"\"\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PwCsvTable) t = pw_csv_parse (text, strlen (text), 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pw_csv_table_get_n_records (t), ==, 3);
  g_assert_cmpstr (pw_csv_table_get_field (t, 1, 1), ==, "one\rtwo\r\nthree\nfour");
  g_assert_cmpuint (pw_csv_table_get_line (t, 1), ==, 2);
  g_assert_cmpuint (pw_csv_table_get_line (t, 2), ==, 6);
  g_assert_cmpstr (pw_csv_table_get_field (t, 2, 1), ==, "\"x\"");
}

/* The length that comes with a field is the one strlen() gives, for every
 * field: after blank lines, at the end of a record and of the file. */
static void
test_field_lengths (void)
{
  static const char * const texts[] = {
    "a,bb,\"c\"\"c\"\n\n\ndddd,,\"e\ne\"\r\nf,g,h",
    "name;email\r\n\r\nAda;ada@x.org\r\n\r\n",
    "only\n",
    "x,\"\"\n,\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PwCsvTable) t = pw_csv_parse (texts[i], strlen (texts[i]), 0, NULL, &error);

      g_assert_no_error (error);
      for (guint r = 0; r < pw_csv_table_get_n_records (t); r++)
        for (guint f = 0; f <= pw_csv_table_get_n_fields (t, r); f++)
          {
            gsize length = 99;
            const char *text = pw_csv_table_get_field_len (t, r, f, &length);

            g_assert_true (text == pw_csv_table_get_field (t, r, f));
            g_assert_cmpuint (length, ==, text != NULL ? strlen (text) : 0);
          }
    }
}

static void
test_unterminated_quote (void)
{
  static const char text[] = "name,about\nAda,fine\nGrace,\"never\nclosed,at all\n";
  static const char junk[] = "name,about\n\"Ada\"x,fine\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) junk_error = NULL;
  g_autoptr(PwCsvTable) t = NULL;
  g_autoptr(PwCsvTable) j = NULL;

  t = pw_csv_parse (text, strlen (text), 0, "people.csv", &error);
  g_assert_null (t);
  g_assert_error (error, PW_CSV_ERROR, PW_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_true (g_str_has_prefix (error->message, "people.csv:3:"));

  j = pw_csv_parse (junk, strlen (junk), 0, "people.csv", &junk_error);
  g_assert_null (j);
  g_assert_error (junk_error, PW_CSV_ERROR, PW_CSV_ERROR_BAD_QUOTE);
  g_assert_true (g_str_has_prefix (junk_error->message, "people.csv:2:"));
}

static void
test_formula_injection (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "=SUM(A1:A9)", "'=SUM(A1:A9)" },
    { "+44 20 7946 0000", "'+44 20 7946 0000" },
    { "-1", "'-1" },
    { "@cmd", "'@cmd" },
    { "\tpadded", "'\tpadded" },
    { "\r=hidden", "\"'\r=hidden\"" },
    { "=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
    { "'=already", "''=already" },
    { "plain", "plain" },
    { "a-b=c", "a-b=c" },
    { "'quoted", "'quoted" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = pw_csv_escape_field (cases[i].in, ',');
      g_autoptr(PwCsvTable) t = NULL;
      g_autofree char *line = NULL;

      g_assert_cmpstr (escaped, ==, cases[i].out);

      /* Reading back and undoing the apostrophe gives the value again. */
      line = g_strconcat ("h\r\n", escaped, "\r\n", NULL);
      t = parse_ok (line, ',');
      g_assert_cmpstr (pw_csv_unneutralise (pw_csv_table_get_field (t, 1, 0)), ==, cases[i].in);
    }
}

static void
test_round_trip (void)
{
  static const char *rows[][4] = {
    { "name", "about", "dept", "empty" },
    { "Lovelace, Ada", "said \"hello\"\r\nthen left", "R&D;X", "" },
    { "Zoë Ødegård", "multi\nline\n\nfield", "日本", "" },
    { "=1+1", "-", "@", " spaced " },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(PwCsvTable) t = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    pw_csv_append_row (out, rows[r], 4, ',');

  g_assert_true (g_str_has_suffix (out->str, "\r\n"));

  t = parse_ok (out->str, 0);
  g_assert_cmpuint (pw_csv_table_get_n_records (t), ==, G_N_ELEMENTS (rows));
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint c = 0; c < 4; c++)
      g_assert_cmpstr (pw_csv_unneutralise (pw_csv_table_get_field (t, r, c)), ==, rows[r][c]);

  g_assert_cmpuint (pw_csv_table_get_line (t, 2), ==, 4);
  g_assert_cmpuint (pw_csv_table_get_line (t, 3), ==, 8);
}

static void
test_speed (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PwCsvTable) t = NULL;
  gint64 start;
  gint64 elapsed;

  for (guint c = 0; c < 30; c++)
    g_string_append_printf (text, "%scolumn %u", c ? "," : "", c);
  g_string_append (text, "\r\n");
  for (guint r = 0; r < 10000; r++)
    {
      for (guint c = 0; c < 30; c++)
        g_string_append_printf (text, c % 7 == 3 ? "%s\"quoted, %u\"" : "%svalue %u",
                                c ? "," : "", r * c);
      g_string_append (text, "\r\n");
    }

  start = g_get_monotonic_time ();
  t = parse_ok (text->str, 0);
  elapsed = g_get_monotonic_time () - start;

  g_assert_cmpuint (pw_csv_table_get_n_records (t), ==, 10001);
  g_test_message ("10,000 × 30 fields (%zu bytes) parsed in %.2f ms",
                  text->len, elapsed / 1000.0);
  /* Generous, so a loaded CI machine passes; the target is a few ms. */
  g_assert_cmpint (elapsed, <, 500 * 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoted-fields", test_quoted_fields);
  g_test_add_func ("/csv/embedded-comma", test_embedded_comma);
  g_test_add_func ("/csv/embedded-quote", test_embedded_quote);
  g_test_add_func ("/csv/embedded-newline", test_embedded_newline);
  g_test_add_func ("/csv/crlf", test_crlf);
  g_test_add_func ("/csv/lf", test_lf);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/no-bom", test_no_bom);
  g_test_add_func ("/csv/semicolon", test_semicolon);
  g_test_add_func ("/csv/no-final-newline", test_no_final_newline);
  g_test_add_func ("/csv/not-utf8", test_not_utf8);
  g_test_add_func ("/csv/not-utf8-far-in", test_not_utf8_far_in);
  g_test_add_func ("/csv/lines-in-quotes", test_lines_in_quotes);
  g_test_add_func ("/csv/field-lengths", test_field_lengths);
  g_test_add_func ("/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/formula-injection", test_formula_injection);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/speed", test_speed);

  return g_test_run ();
}
