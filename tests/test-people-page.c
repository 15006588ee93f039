/* test-people-page.c — the People section: list, search, filters, sorting,
 * the editor and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-people-page"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gui-helpers.h"
#include <sys/stat.h>

#include "pw-csv.h"
#include "pw-people-page.h"
#include "pw-person-list.h"
#include "pw-person-editor.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-store.h"

typedef struct
{
  char    *dir;
  PwStore *store;
  gint64   id;
} Fixture;

/* Helpers */

static GtkWidget *
open_page (Fixture    *fixture,
           gint64      programme_id,
           GtkWindow **window)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  programme = pw_programme_repo_get (fixture->store, programme_id, &error);
  g_assert_no_error (error);

  page = pw_people_page_new (fixture->store, programme);
  *window = gui_test_show_in_window (page, 1000, 700);

  return page;
}

static void
search (GtkWidget  *page,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL)), text);
  gui_test_wait_ms (300);
}

static GListModel *
enrolled (Fixture *fixture,
          gint64   programme_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *people = pw_person_repo_list_enrolled (fixture->store, programme_id, &error);

  g_assert_no_error (error);
  return people;
}

/* How many of @people hold @needle in their name, email, department or
 * job title, without regard to case: what the search should show. */
static guint
count_matching (GListModel *people,
                const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (needle, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
      const char *fields[] = {
        pw_person_get_name (person), pw_person_get_email (person),
        pw_person_get_department (person), pw_person_get_job_title (person),
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *value = g_utf8_casefold (fields[f], -1);

          if (strstr (value, folded) != NULL)
            {
              n++;
              break;
            }
        }
    }

  return n;
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
assert_sorted_by_scale (Fixture    *fixture,
                        GListModel *model)
{
  int last = -1;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PwPersonItem) person = g_list_model_get_item (model, i);
      int position = pw_grade_scale_position (fixture->store, pw_person_item_get_grade (person));

      /* Ungraded people last. */
      if (position < 0)
        position = G_MAXINT;
      g_assert_cmpint (position, >=, last);
      last = position;
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = gui_test_temp_store (&fixture->dir, &fixture->id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_temp_store_free (fixture->store, fixture->dir);
}

/* Tests */

static void
test_list_and_search (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) people = enrolled (fixture, fixture->id);
  guint total = g_list_model_get_n_items (people);
  g_autoptr(PwPerson) someone = g_list_model_get_item (people, total / 2);
  g_autofree char *fragment = NULL;
  GtkColumnView *view;
  GListModel *model;
  GtkWindow *window;
  GtkWidget *page;
  guint n;

  g_assert_cmpuint (total, >=, 50);

  page = open_page (fixture, fixture->id, &window);
  model = pw_people_page_get_model (PW_PEOPLE_PAGE (page));
  view = GTK_COLUMN_VIEW (gui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, total);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 7);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* Search as you type, without regard to case. */
  search (page, "REPAIRS");
  n = count_matching (people, "repairs");
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, total);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  /* Typing on narrows; deleting widens again. */
  search (page, "repairs and");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_matching (people, "repairs and"));
  search (page, "rep");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_matching (people, "rep"));

  /* An email fragment: the part before the @ of one person. */
  fragment = g_strndup (pw_person_get_email (someone),
                        strchr (pw_person_get_email (someone), '@') - pw_person_get_email (someone));
  search (page, fragment);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, count_matching (people, fragment));
  g_assert_cmpuint (n, >=, 1);

  /* A department. */
  search (page, "Digital and Data");
  n = count_matching (people, "digital and data");
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  /* Nobody: the "No Matches" state. */
  search (page, "zzzz-nobody-zzzz");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (gtk_widget_get_mapped (gui_test_find_widget (page, ADW_TYPE_STATUS_PAGE, "No Matches")));

  search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  gui_test_destroy_window (window);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListModel) people = enrolled (fixture, fixture->id);
  guint total = g_list_model_get_n_items (people);
  guint mentors = 0, finance = 0, finance_mentors = 0;
  GtkDropDown *role_dropdown = NULL;
  GtkDropDown *department_dropdown = NULL;
  g_autoptr(GPtrArray) dropdowns = NULL;
  GListModel *departments;
  GListModel *model;
  GtkWindow *window;
  GtkWidget *page;
  guint finance_index = 0;

  for (guint i = 0; i < total; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
      gboolean is_mentor = pw_person_get_role_wanted (person) == PW_ROLE_MENTOR;
      gboolean in_finance = g_str_equal (pw_person_get_department (person), "Finance");

      mentors += is_mentor;
      finance += in_finance;
      finance_mentors += is_mentor && in_finance;
    }
  g_assert_cmpuint (mentors, >, 0);
  g_assert_cmpuint (finance, >, 0);

  page = open_page (fixture, fixture->id, &window);
  model = pw_people_page_get_model (PW_PEOPLE_PAGE (page));

  dropdowns = gui_test_find_all (page, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_cmpuint (dropdowns->len, ==, 2);
  role_dropdown = dropdowns->pdata[0];
  department_dropdown = dropdowns->pdata[1];

  /* Role wanted: "Mentors" is the second item. */
  gtk_drop_down_set_selected (role_dropdown, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, mentors);

  /* Departments come from the data, after "All Departments". */
  departments = gtk_drop_down_get_model (department_dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (departments), >, 5);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (departments), i), "Finance"))
      finance_index = i;
  g_assert_cmpuint (finance_index, >, 0);

  gtk_drop_down_set_selected (department_dropdown, finance_index);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, finance_mentors);

  gtk_drop_down_set_selected (role_dropdown, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, finance);

  gtk_drop_down_set_selected (department_dropdown, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);

  gui_test_destroy_window (window);
}

static void
test_sort_by_grade (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(GStrv) scale = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPersonItem) first = NULL;
  GtkColumnView *view;
  GListModel *model;
  GtkWindow *window;
  GtkWidget *page;
  guint n;

  page = open_page (fixture, fixture->id, &window);
  model = pw_people_page_get_model (PW_PEOPLE_PAGE (page));
  view = GTK_COLUMN_VIEW (gui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL));

  gtk_column_view_sort_by_column (view, column_titled (view, "Grade"), GTK_SORT_ASCENDING);
  assert_sorted_by_scale (fixture, model);

  /* Reverse the scale: the order follows the scale, not the alphabet. */
  scale = pw_grade_scale_get (fixture->store, &error);
  g_assert_no_error (error);
  n = g_strv_length (scale);
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n / 2; i++)
    {
      char *swap = scale[i];
      scale[i] = scale[n - 1 - i];
      scale[n - 1 - i] = swap;
    }
  pw_grade_scale_set (fixture->store, (const char * const *) scale, &error);
  g_assert_no_error (error);
  gui_test_wait_ms (400);

  assert_sorted_by_scale (fixture, model);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (pw_person_item_get_grade (first), ==, scale[0]);

  gui_test_destroy_window (window);
}

static void
test_add_person (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GListModel) people = enrolled (fixture, fixture->id);
  guint total = g_list_model_get_n_items (people);
  g_autoptr(PwPerson) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *name_row, *email_row, *add_button;
  GListModel *model;
  GtkWindow *window;
  GtkWidget *editor;
  GtkWidget *page;

  page = open_page (fixture, fixture->id, &window);
  model = pw_people_page_get_model (PW_PEOPLE_PAGE (page));

  editor = pw_people_page_add_person (PW_PEOPLE_PAGE (page));
  gui_test_iterate ();
  g_assert_true (PW_IS_PERSON_EDITOR (editor));
  g_assert_null (pw_person_editor_get_person (PW_PERSON_EDITOR (editor)));

  name_row = pw_person_editor_get_row (PW_PERSON_EDITOR (editor), "name");
  email_row = pw_person_editor_get_row (PW_PERSON_EDITOR (editor), "email");
  add_button = gui_test_find_action_button (editor, "editor.add");
  g_assert_nonnull (add_button);
  g_assert_false (gtk_widget_is_sensitive (add_button));

  /* Only the name and email are asked for first. */
  g_assert_false (gtk_widget_get_mapped (pw_person_editor_get_row (PW_PERSON_EDITOR (editor), "strengths")));
  g_assert_false (gtk_widget_get_mapped (pw_person_editor_get_row (PW_PERSON_EDITOR (editor), "job-title")));

  /* A bad email: the row says so, and Add stays off. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "<b>Ann & Co</b>");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "ann.example.com");
  gui_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (add_button));
  gtk_widget_activate_action (editor, "editor.add", NULL);
  g_assert_null (pw_person_editor_get_person (PW_PERSON_EDITOR (editor)));
  g_assert_null (pw_person_repo_find_by_email (fixture->store, "ann.example.com", NULL));

  gtk_editable_set_text (GTK_EDITABLE (email_row), "ann@co.example");
  gui_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  g_assert_true (gtk_widget_is_sensitive (add_button));

  gtk_widget_activate_action (editor, "editor.add", NULL);
  gui_test_iterate ();
  g_assert_nonnull (pw_person_editor_get_person (PW_PERSON_EDITOR (editor)));

  /* In the store, and enrolled. */
  stored = pw_person_repo_find_by_email (fixture->store, "ann@co.example", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_person_get_name (stored), ==, "<b>Ann & Co</b>");
  g_assert_true (pw_person_repo_is_enrolled (fixture->store, fixture->id, pw_person_get_id (stored)));

  /* Once created, the whole questionnaire shows, saved as it is typed. */
  g_assert_false (gtk_widget_get_visible (add_button));
  gtk_editable_set_text (GTK_EDITABLE (pw_person_editor_get_row (PW_PERSON_EDITOR (editor), "job-title")),
                         "Surveyor");
  g_clear_object (&stored);
  stored = pw_person_repo_find_by_email (fixture->store, "ann@co.example", &error);
  g_assert_cmpstr (pw_person_get_job_title (stored), ==, "Surveyor");

  /* The list follows the store, and shows the name as typed, not as markup. */
  gui_test_wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total + 1);
  search (page, "<b>ann");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(GPtrArray) cells = NULL;
    gboolean found = FALSE;

    /* Shown with no attributes: markup would have made some. */
    cells = gui_test_find_all (gui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL), GTK_TYPE_INSCRIPTION, NULL);
    for (guint i = 0; i < cells->len; i++)
      if (g_strcmp0 (gtk_inscription_get_text (cells->pdata[i]), "<b>Ann & Co</b>") == 0)
        {
          g_assert_null (gtk_inscription_get_attributes (cells->pdata[i]));
          found = TRUE;
        }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (editor));
  gui_test_destroy_window (window);
}

static void
test_edit_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PwPerson) before = NULL;
  g_autoptr(PwPerson) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor, *email_row, *name_row;
  PwPerson *shown;
  GtkWindow *window;
  GtkWidget *page;

  page = open_page (fixture, fixture->id, &window);
  editor = pw_people_page_open_person (PW_PEOPLE_PAGE (page), 0);
  gui_test_iterate ();

  shown = pw_person_editor_get_person (PW_PERSON_EDITOR (editor));
  before = pw_person_repo_get (fixture->store, pw_person_get_id (shown), &error);
  g_assert_no_error (error);

  email_row = pw_person_editor_get_row (PW_PERSON_EDITOR (editor), "email");
  name_row = pw_person_editor_get_row (PW_PERSON_EDITOR (editor), "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row)), ==, pw_person_get_email (before));

  /* An invalid email: an error on its row, and the store keeps the old one. */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "not an email");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  after = pw_person_repo_get (fixture->store, pw_person_get_id (before), &error);
  g_assert_cmpstr (pw_person_get_email (after), ==, pw_person_get_email (before));
  g_clear_object (&after);

  /* An empty name likewise. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  after = pw_person_repo_get (fixture->store, pw_person_get_id (before), &error);
  g_assert_cmpstr (pw_person_get_name (after), ==, pw_person_get_name (before));
  g_clear_object (&after);

  /* Fixing a value clears the error and saves it at once. */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "renamed@brackenfordhomes.example");
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (pw_person_editor_get_row (PW_PERSON_EDITOR (editor), "capacity")), 3);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (pw_person_editor_get_row (PW_PERSON_EDITOR (editor),
                                                                                               "strengths"))),
                            "Listening.\nPatience.", -1);
  after = pw_person_repo_get (fixture->store, pw_person_get_id (before), &error);
  g_assert_cmpstr (pw_person_get_email (after), ==, "renamed@brackenfordhomes.example");
  g_assert_cmpstr (pw_person_get_name (after), ==, pw_person_get_name (before));
  g_assert_cmpint (pw_person_get_capacity (after), ==, 3);
  {
    g_autofree char *strengths = pw_person_get_field (after, "strengths");
    g_assert_cmpstr (strengths, ==, "Listening.\nPatience.");
  }

  gtk_window_destroy (GTK_WINDOW (editor));
  gui_test_destroy_window (window);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = pw_programme_new ("Empty");
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *page;

  pw_programme_repo_insert (fixture->store, programme, &error);
  g_assert_no_error (error);

  page = open_page (fixture, pw_programme_get_id (programme), &window);
  g_assert_cmpuint (g_list_model_get_n_items (pw_people_page_get_all (PW_PEOPLE_PAGE (page))), ==, 0);
  g_assert_true (gtk_widget_get_mapped (gui_test_find_widget (page, ADW_TYPE_STATUS_PAGE, "No People Yet")));
  g_assert_false (gtk_widget_get_mapped (gui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL)));

  gui_test_destroy_window (window);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PwCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GListModel *model;
  GtkWindow *window;
  GtkWidget *page;
  GStatBuf st;
  guint shown;

  page = open_page (fixture, fixture->id, &window);
  model = pw_people_page_get_model (PW_PEOPLE_PAGE (page));

  search (page, "repairs");
  shown = g_list_model_get_n_items (model);
  g_assert_cmpuint (shown, >, 0);

  g_assert_true (pw_people_page_export_to_file (PW_PEOPLE_PAGE (page), file, FALSE, &error));
  g_assert_no_error (error);

  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  table = pw_csv_parse (contents, length, PW_CSV_SEPARATOR_AUTO, path, &error);
  g_assert_no_error (error);
  /* The header, then the people shown. */
  g_assert_cmpuint (pw_csv_table_get_n_records (table), ==, shown + 1);
  for (guint i = 0; i < pw_csv_table_get_n_fields (table, 0); i++)
    g_assert_cmpstr (pw_csv_table_get_field (table, 0, i), !=, "gender");

  gui_test_destroy_window (window);
}

static void
test_ten_thousand (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const departments[] = { "Finance", "Repairs and Maintenance", "Digital and Data", "Housing Management" };
  g_autoptr(PwProgramme) programme = pw_programme_new ("Large");
  g_autoptr(GError) error = NULL;
  GtkColumnView *view;
  GListModel *model;
  GtkWindow *window;
  GtkWidget *page;
  gint64 id;

  pw_programme_repo_insert (fixture->store, programme, &error);
  g_assert_no_error (error);
  id = pw_programme_get_id (programme);

  g_assert_true (pw_store_begin (fixture->store, &error));
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %05u", i);
      g_autofree char *email = g_strdup_printf ("person%05u@large.example", i);
      g_autoptr(PwPerson) person = pw_person_new (name, email);
      g_autofree char *grade = g_strdup_printf ("Band %u", 1 + i % 9);

      pw_person_set_field (person, "department", departments[i % G_N_ELEMENTS (departments)], &error);
      pw_person_set_field (person, "grade", grade, &error);
      pw_person_set_field (person, "role-wanted", i % 3 == 0 ? "mentor" : "mentee", &error);
      g_assert_no_error (error);
      pw_person_repo_insert (fixture->store, person, &error);
      g_assert_no_error (error);
      pw_person_repo_enrol (fixture->store, id, pw_person_get_id (person), &error);
      g_assert_no_error (error);
    }
  g_assert_true (pw_store_commit (fixture->store, &error));

  page = open_page (fixture, id, &window);
  model = pw_people_page_get_model (PW_PEOPLE_PAGE (page));
  view = GTK_COLUMN_VIEW (gui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10000);

  /* Rows are recycled: far fewer row widgets than people. */
  {
    g_autoptr(GPtrArray) cells = NULL;

    cells = gui_test_find_all (GTK_WIDGET (view), GTK_TYPE_INSCRIPTION, NULL);
    g_assert_cmpuint (cells->len, >, 0);
    g_assert_cmpuint (cells->len, <, 2000);
  }

  search (page, "person00");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
  search (page, "person001");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);
  search (page, "person0012");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  search (page, "person00");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
  search (page, "finance");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2500);
  search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10000);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_test_find_widget (page, GTK_TYPE_DROP_DOWN, NULL)), 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3334);

  gtk_column_view_sort_by_column (view, column_titled (view, "Grade"), GTK_SORT_DESCENDING);
  {
    g_autoptr(PwPersonItem) first = g_list_model_get_item (model, 0);
    /* Every third person is a mentor: Bands 1, 4 and 7. */
    g_assert_cmpstr (pw_person_item_get_grade (first), ==, "Band 7");
  }

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/people-page/list-and-search", Fixture, NULL, fixture_set_up, test_list_and_search, fixture_tear_down);
  g_test_add ("/people-page/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/people-page/sort-by-grade", Fixture, NULL, fixture_set_up, test_sort_by_grade, fixture_tear_down);
  g_test_add ("/people-page/add-person", Fixture, NULL, fixture_set_up, test_add_person, fixture_tear_down);
  g_test_add ("/people-page/edit-invalid", Fixture, NULL, fixture_set_up, test_edit_invalid, fixture_tear_down);
  g_test_add ("/people-page/empty-state", Fixture, NULL, fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/people-page/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/people-page/ten-thousand", Fixture, NULL, fixture_set_up, test_ten_thousand, fixture_tear_down);

  return g_test_run ();
}
