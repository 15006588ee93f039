/* test-eligibility-page.c — rules, verdicts, counts and overrides, live
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-eligibility-page"

#include <adwaita.h>

#include "gui-helpers.h"
#include "pw-eligibility-page.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-rule-dialog.h"
#include "pw-sample.h"
#include "pw-store.h"

typedef struct
{
  char      *dir;
  PwStore   *store;
  gint64     id;
  GtkWindow *window;
  GtkWidget *page;
} Fixture;

/* Helpers */

static PwPerson *
person_named (Fixture    *fixture,
              const char *name)
{
  g_autoptr(GListModel) people = pw_person_repo_list_enrolled (fixture->store, fixture->id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (pw_person_get_name (person), name) == 0)
        return g_steal_pointer (&person);
    }

  g_assert_not_reached ();
  return NULL;
}

static char *
verdict_of (Fixture    *fixture,
            const char *name)
{
  g_autoptr(PwPerson) person = person_named (fixture, name);

  return pw_eligibility_page_describe_verdict (PW_ELIGIBILITY_PAGE (fixture->page), person);
}

static guint
index_of (GListModel *model,
          const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }

  g_assert_not_reached ();
  return GTK_INVALID_LIST_POSITION;
}

static void
choose (GtkWidget  *root,
        const char *row_title,
        const char *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (gui_test_find_widget (root, ADW_TYPE_COMBO_ROW, row_title));

  g_assert_nonnull (row);
  adw_combo_row_set_selected (row, index_of (adw_combo_row_get_model (row), item));
}

/* Opens the page's Add Rule dialog for @set and returns it. */
static GtkWidget *
open_rule_dialog (Fixture    *fixture,
                  const char *set)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (fixture->page, "eligibility.add-rule", "s", set));
  gui_test_iterate ();
  dialog = gui_test_find_toplevel (PW_TYPE_RULE_DIALOG);
  g_assert_nonnull (dialog);

  return GTK_WIDGET (dialog);
}

static GtkWidget *
row_with_subtitle_containing (GtkWidget  *root,
                              const char *text)
{
  g_autoptr(GPtrArray) rows = gui_test_find_all (root, ADW_TYPE_ACTION_ROW, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (rows->pdata[i]);

      if (subtitle != NULL && strstr (subtitle, text) != NULL)
        return rows->pdata[i];
    }

  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  fixture->store = gui_test_temp_store (&fixture->dir, &fixture->id);
  programme = pw_programme_repo_get (fixture->store, fixture->id, &error);
  g_assert_no_error (error);

  fixture->page = pw_eligibility_page_new (fixture->store, programme);
  fixture->window = gui_test_show_in_window (fixture->page, 900, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_destroy_window (fixture->window);
  gui_test_temp_store_free (fixture->store, fixture->dir);
}

/* Tests */

static void
test_add_rule (Fixture       *fixture,
               gconstpointer  data)
{
  PwEligibilitySummary before, after;
  g_autofree char *verdict = NULL;
  g_autofree char *changed = NULL;
  GtkWidget *dialog;

  pw_eligibility_page_get_summary (PW_ELIGIBILITY_PAGE (fixture->page), &before);
  g_assert_cmpuint (before.mentors, >, 0);

  /* Aisha Patel is a Band 4 mentor in the sample. */
  verdict = verdict_of (fixture, "Aisha Patel");
  g_assert_true (g_str_has_prefix (verdict, "Mentor"));

  dialog = open_rule_dialog (fixture, "mentor");

  /* Nothing to add until the rule is complete: departments need a chip. */
  choose (dialog, "Condition on", "Department");
  g_assert_null (pw_rule_dialog_get_rule (PW_RULE_DIALOG (dialog)));
  gtk_widget_activate_action (dialog, "rule.add", NULL);
  gui_test_iterate ();
  g_assert_true (gui_test_find_toplevel (PW_TYPE_RULE_DIALOG) == GTK_WINDOW (dialog));

  /* Mentors at most Band 3: Aisha is out. */
  choose (dialog, "Condition on", "Grade");
  choose (dialog, "Condition", "At most");
  choose (dialog, "Grade", "Band 3");
  g_assert_true (gtk_widget_activate_action (dialog, "rule.add", NULL));
  gui_test_iterate ();
  g_assert_null (gui_test_find_toplevel (PW_TYPE_RULE_DIALOG));

  changed = verdict_of (fixture, "Aisha Patel");
  g_assert_true (g_str_has_prefix (changed, "Neither"));
  g_assert_nonnull (strstr (changed, "Band 3"));

  /* The counts moved with it, and the rule is listed in words. */
  pw_eligibility_page_get_summary (PW_ELIGIBILITY_PAGE (fixture->page), &after);
  g_assert_cmpuint (after.mentors, <, before.mentors);
  g_assert_cmpuint (after.mentor_capacity, <, before.mentor_capacity);
  g_assert_nonnull (gui_test_find_widget (fixture->page, ADW_TYPE_ACTION_ROW, "Grade at most Band 3"));

  /* The list under the Mentors filter shrinks to match. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gui_test_find_widget (fixture->page, ADW_TYPE_VIEW_STACK, NULL)), "people");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gui_test_find_widget (fixture->page, GTK_TYPE_DROP_DOWN, NULL)), PW_VERDICT_FILTER_MENTORS);
  gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (pw_eligibility_page_get_people (PW_ELIGIBILITY_PAGE (fixture->page))),
                    ==, after.mentors);
}

static void
test_contradiction (Fixture       *fixture,
                    gconstpointer  data)
{
  PwEligibilitySummary summary;
  g_autofree char *verdict = NULL;
  GtkWidget *dialog;
  GtkWidget *row;

  /* The sample's mentees are at least Band 7; at most Band 5 cannot also hold. */
  dialog = open_rule_dialog (fixture, "mentee");
  choose (dialog, "Condition on", "Grade");
  choose (dialog, "Condition", "At most");
  choose (dialog, "Grade", "Band 5");
  g_assert_true (gtk_widget_activate_action (dialog, "rule.add", NULL));
  gui_test_iterate ();

  row = row_with_subtitle_containing (fixture->page, "cannot both hold");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  pw_eligibility_page_get_summary (PW_ELIGIBILITY_PAGE (fixture->page), &summary);
  g_assert_cmpuint (summary.mentees, ==, 0);

  verdict = verdict_of (fixture, "Catherine Mellor");
  g_assert_nonnull (strstr (verdict, "cannot both hold"));
}

static void
test_override (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PwPerson) person = person_named (fixture, "Adebola Ogunleye");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  PwEligibilitySummary summary_before, summary_after, summary_undone;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GtkWidget *undo;

  before = verdict_of (fixture, "Adebola Ogunleye");
  g_assert_true (g_str_has_prefix (before, "Neither"));
  pw_eligibility_page_get_summary (PW_ELIGIBILITY_PAGE (fixture->page), &summary_before);

  g_assert_true (gtk_widget_activate_action (fixture->page, "eligibility.override", "(xsb)",
                                             pw_person_get_id (person), "mentee", TRUE));
  gui_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);

  /* No justification, no override. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "override"));
  entry = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "override"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Leads the tenant app pilot");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "override"));

  adw_message_dialog_response (dialog, "override");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();

  after = verdict_of (fixture, "Adebola Ogunleye");
  g_assert_true (g_str_has_prefix (after, "Mentee"));
  pw_eligibility_page_get_summary (PW_ELIGIBILITY_PAGE (fixture->page), &summary_after);
  g_assert_cmpuint (summary_after.mentees, ==, summary_before.mentees + 1);

  /* Listed, with its justification and an Undo button. */
  g_assert_nonnull (row_with_subtitle_containing (fixture->page, "Leads the tenant app pilot"));
  undo = gui_test_find_widget (fixture->page, GTK_TYPE_BUTTON, "Undo Override");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  gui_test_iterate ();

  undone = verdict_of (fixture, "Adebola Ogunleye");
  g_assert_true (g_str_has_prefix (undone, "Neither"));
  pw_eligibility_page_get_summary (PW_ELIGIBILITY_PAGE (fixture->page), &summary_undone);
  g_assert_cmpuint (summary_undone.mentees, ==, summary_before.mentees);
  g_assert_null (row_with_subtitle_containing (fixture->page, "Leads the tenant app pilot"));
}

static void
test_pair_rules (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_find_widget (fixture->page, ADW_TYPE_COMBO_ROW, "Discipline")),
                              PW_PAIR_DISCIPLINE_DIFFERENT);
  gui_test_iterate ();

  programme = pw_programme_repo_get (fixture->store, fixture->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_programme_get_pair_discipline (programme), ==, PW_PAIR_DISCIPLINE_DIFFERENT);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/eligibility-page/add-rule", Fixture, NULL, fixture_set_up, test_add_rule, fixture_tear_down);
  g_test_add ("/eligibility-page/contradiction", Fixture, NULL, fixture_set_up, test_contradiction, fixture_tear_down);
  g_test_add ("/eligibility-page/override", Fixture, NULL, fixture_set_up, test_override, fixture_tear_down);
  g_test_add ("/eligibility-page/pair-rules", Fixture, NULL, fixture_set_up, test_pair_rules, fixture_tear_down);

  return g_test_run ();
}
