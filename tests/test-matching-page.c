/* test-matching-page.c — matching the sample, explaining and approving
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-matching-page"

#include <adwaita.h>

#include "gui-helpers.h"
#include "pw-eligibility.h"
#include "pw-match.h"
#include "pw-matching-page.h"
#include "pw-pair-object.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
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

static gboolean
run_finished (gpointer page)
{
  return !pw_matching_page_is_running (page);
}

static void
wait_for_run (PwMatchingPage *page)
{
  /* The worker reports back through the main context. */
  g_assert_true (gui_test_wait_until (run_finished, page, 60000));
}

static PwPair *
stored_pair (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;

  pairs = pw_pairs_list (fixture->store, fixture->id, TRUE, &error);
  g_assert_no_error (error);
  g_ptr_array_set_free_func (pairs, NULL);
  for (guint i = 0; i < pairs->len; i++)
    {
      PwPair *pair = pairs->pdata[i];

      if (pair->id == id)
        {
          for (guint k = i + 1; k < pairs->len; k++)
            pw_pair_free (pairs->pdata[k]);
          return pair;
        }
      pw_pair_free (pair);
    }

  return NULL;
}

static char *
assignment (GListModel *proposals)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(PwPairObject) item = g_list_model_get_item (proposals, i);
      const PwPair *pair = pw_pair_object_get_pair (item);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";", pair->mentee_id, pair->mentor_id);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  if (data == NULL)
    {
      fixture->store = gui_test_temp_store (&fixture->dir, &fixture->id);
      programme = pw_programme_repo_get (fixture->store, fixture->id, &error);
      g_assert_no_error (error);
    }
  else
    {
      fixture->store = gui_test_temp_store (&fixture->dir, NULL);
      programme = gui_test_add_programme (fixture->store, "Nobody Yet");
      fixture->id = pw_programme_get_id (programme);
    }

  fixture->page = pw_matching_page_new (fixture->store, programme);
  fixture->window = gui_test_show_in_window (fixture->page, 1000, 700);
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
test_match_and_approve (Fixture       *fixture,
                        gconstpointer  data)
{
  PwMatchingPage *page = PW_MATCHING_PAGE (fixture->page);
  GListModel *proposals = pw_matching_page_get_proposals (page);
  g_autoptr(PwPairObject) first = NULL;
  g_autoptr(PwPair) approved = NULL;
  GtkWidget *explanation = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  const PwPair *pair;
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 0);

  g_assert_true (gtk_widget_activate_action (fixture->page, "matching.match", NULL));
  g_assert_true (pw_matching_page_is_running (page));
  wait_for_run (page);

  n = g_list_model_get_n_items (proposals);
  g_assert_cmpuint (n, >, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPairObject) item = g_list_model_get_item (proposals, i);

      pair = pw_pair_object_get_pair (item);
      g_assert_cmpint (pair->state, ==, PW_PAIR_PROPOSED);
      g_assert_cmpint (pair->score, >, 0);
      g_assert_nonnull (strstr (pair->explanation, "Hard rules kept"));
      g_assert_nonnull (strstr (pair->explanation, pw_pair_object_get_mentor_name (item)));
    }

  /* Activating a proposal shows its explanation beside the list. */
  first = g_list_model_get_item (proposals, 0);
  pair = pw_pair_object_get_pair (first);
  g_signal_emit_by_name (gui_test_find_widget (fixture->page, GTK_TYPE_LIST_VIEW, NULL), "activate", 0);
  gui_test_iterate ();
  labels = gui_test_find_all (fixture->page, GTK_TYPE_LABEL, NULL);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), pair->explanation) == 0 &&
        gtk_widget_is_drawable (labels->pdata[i]))
      explanation = labels->pdata[i];
  g_assert_nonnull (explanation);

  /* Approve the first: stored approved, gone from the proposals. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "matching.approve", "x", pair->id));
  gui_test_iterate ();
  approved = stored_pair (fixture, pair->id);
  g_assert_nonnull (approved);
  g_assert_cmpint (approved->state, ==, PW_PAIR_APPROVED);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, n - 1);

  /* Approve the rest at once. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "matching.approve-all", NULL));
  gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 0);
}

static void
test_blind_date_repeats (Fixture       *fixture,
                         gconstpointer  data)
{
  PwMatchingPage *page = PW_MATCHING_PAGE (fixture->page);
  GListModel *proposals = pw_matching_page_get_proposals (page);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GtkWidget *seed_entry;

  /* A typed seed draws the same pairs again. */
  seed_entry = gui_test_find_widget (fixture->page, GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (seed_entry);
  gtk_editable_set_text (GTK_EDITABLE (seed_entry), "4821");
  g_assert_true (gtk_widget_activate_action (fixture->page, "matching.blind-date", NULL));
  wait_for_run (page);
  first = assignment (proposals);
  g_assert_cmpstr (first, !=, "");

  g_assert_true (gtk_widget_activate_action (fixture->page, "matching.match", NULL));
  wait_for_run (page);

  gtk_editable_set_text (GTK_EDITABLE (seed_entry), "4821");
  g_assert_true (gtk_widget_activate_action (fixture->page, "matching.blind-date", NULL));
  wait_for_run (page);
  second = assignment (proposals);
  g_assert_cmpstr (first, ==, second);
}

static void
test_weight_saved (Fixture       *fixture,
                   gconstpointer  data)
{
  PwMatchSettings settings;
  g_autoptr(GError) error = NULL;
  GtkWidget *row = gui_test_find_widget (fixture->page, ADW_TYPE_ACTION_ROW, "Topic fit");
  GtkWidget *scale;

  g_assert_nonnull (row);
  scale = gui_test_find_widget (row, GTK_TYPE_SCALE, NULL);
  g_assert_nonnull (scale);
  gtk_range_set_value (GTK_RANGE (scale), 7);
  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_find_widget (fixture->page, ADW_TYPE_COMBO_ROW, "First")), 1);
  gui_test_iterate ();

  g_assert_true (pw_match_settings_load (fixture->store, fixture->id, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settings.weights[PW_CRITERION_TOPICS], ==, 7);
  g_assert_cmpint (settings.policy, ==, PW_SOLVER_POLICY_SCORE);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  AdwStatusPage *status = ADW_STATUS_PAGE (gui_test_find_widget (fixture->page, ADW_TYPE_STATUS_PAGE, NULL));

  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No One to Match");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (status)));
}

static gboolean
status_drawable (gpointer page)
{
  GtkWidget *status = gui_test_find_widget (page, ADW_TYPE_STATUS_PAGE, NULL);

  return status != NULL && gtk_widget_is_drawable (status);
}

/* People enrolled, but nobody wants to mentor: the page opens on its
 * content without weighing them, and a worker then finds nobody to match. */
static void
test_weighed_in_worker (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *page;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Mentee %d", i);
      g_autofree char *email = g_strdup_printf ("mentee%d@example.org", i);
      g_autoptr(PwPerson) person = pw_person_new (name, email);

      pw_person_set_field (person, "role-wanted", "mentee", &error);
      g_assert_no_error (error);
      pw_person_repo_insert (fixture->store, person, &error);
      g_assert_no_error (error);
      pw_person_repo_enrol (fixture->store, fixture->id, pw_person_get_id (person), &error);
      g_assert_no_error (error);
    }

  /* Mentors must want to be mentors. */
  {
    g_autoptr(PwRule) rule = pw_rule_parse (PW_RULE_SET_MENTOR, "role-wanted in mentor", &error);

    g_assert_no_error (error);
    g_assert_true (pw_eligibility_add_rule_to_store (fixture->store, fixture->id, rule, &error));
    g_assert_no_error (error);
  }

  programme = pw_programme_repo_get (fixture->store, fixture->id, &error);
  g_assert_no_error (error);
  page = pw_matching_page_new (fixture->store, programme);
  window = gui_test_show_in_window (page, 1000, 700);

  g_assert_true (gui_test_wait_until (status_drawable, page, 10000));
  gui_test_destroy_window (window);
}

/* The sample has mentees and mentors: the worker leaves the content. */
static void
test_weighed_sample (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *views = gui_test_find_widget (fixture->page, ADW_TYPE_VIEW_STACK, NULL);

  gui_test_wait_ms (500);
  g_assert_false (status_drawable (fixture->page));
  g_assert_true (gtk_widget_is_drawable (views));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/matching-page/match-and-approve", Fixture, NULL, fixture_set_up, test_match_and_approve, fixture_tear_down);
  g_test_add ("/matching-page/blind-date-repeats", Fixture, NULL, fixture_set_up, test_blind_date_repeats, fixture_tear_down);
  g_test_add ("/matching-page/weight-saved", Fixture, NULL, fixture_set_up, test_weight_saved, fixture_tear_down);
  g_test_add ("/matching-page/empty", Fixture, "empty", fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/matching-page/weighed-in-worker", Fixture, "empty", fixture_set_up, test_weighed_in_worker, fixture_tear_down);
  g_test_add ("/matching-page/weighed-sample", Fixture, NULL, fixture_set_up, test_weighed_sample, fixture_tear_down);

  return g_test_run ();
}
