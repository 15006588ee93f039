/* test-matching-page.c — matching the sample, explaining and approving
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-matching-page"

#include <adwaita.h>
#include <glib/gstdio.h>

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

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_assert_no_errno (g_remove (child));
    }
  g_assert_no_errno (g_rmdir (path));
}

static gboolean
matches (GtkWidget  *widget,
         GType       type,
         const char *title)
{
  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return FALSE;
  if (title == NULL)
    return TRUE;

  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
collect (GtkWidget  *root,
         GType       type,
         const char *title,
         GPtrArray  *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (matches (child, type, title))
        g_ptr_array_add (out, child);
      collect (child, type, title, out);
    }
}

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *title)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, title, found);
  return found->len > 0 ? found->pdata[0] : NULL;
}

static void
wait_for_run (PwMatchingPage *page)
{
  /* The worker reports back through the main context. */
  while (pw_matching_page_is_running (page))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
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
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("pairwise-test-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "pairwise.db", NULL);
  fixture->store = pw_store_open (path, &error);
  g_assert_no_error (error);

  if (data == NULL)
    {
      fixture->id = pw_sample_create (fixture->store, &error);
      g_assert_no_error (error);
      programme = pw_programme_repo_get (fixture->store, fixture->id, &error);
      g_assert_no_error (error);
    }
  else
    {
      programme = pw_programme_new ("Nobody Yet");
      pw_programme_repo_insert (fixture->store, programme, &error);
      g_assert_no_error (error);
      fixture->id = pw_programme_get_id (programme);
    }

  fixture->page = pw_matching_page_new (fixture->store, programme);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, fixture->page);
  gtk_window_present (fixture->window);
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window = fixture->window;

  g_object_ref (window);
  gtk_window_destroy (window);
  iterate ();
  g_assert_finalize_object (window);

  iterate ();
  g_assert_finalize_object (fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
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
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
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
  g_signal_emit_by_name (find (fixture->page, GTK_TYPE_LIST_VIEW, NULL), "activate", 0);
  iterate ();
  collect (fixture->page, GTK_TYPE_LABEL, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), pair->explanation) == 0 &&
        gtk_widget_is_drawable (labels->pdata[i]))
      explanation = labels->pdata[i];
  g_assert_nonnull (explanation);

  /* Approve the first: stored approved, gone from the proposals. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "matching.approve", "x", pair->id));
  iterate ();
  approved = stored_pair (fixture, pair->id);
  g_assert_nonnull (approved);
  g_assert_cmpint (approved->state, ==, PW_PAIR_APPROVED);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, n - 1);

  /* Approve the rest at once. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "matching.approve-all", NULL));
  iterate ();
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
  seed_entry = find (fixture->page, GTK_TYPE_ENTRY, NULL);
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
  GtkWidget *row = find (fixture->page, ADW_TYPE_ACTION_ROW, "Topic fit");
  GtkWidget *scale;

  g_assert_nonnull (row);
  scale = find (row, GTK_TYPE_SCALE, NULL);
  g_assert_nonnull (scale);
  gtk_range_set_value (GTK_RANGE (scale), 7);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture->page, ADW_TYPE_COMBO_ROW, "First")), 1);
  iterate ();

  g_assert_true (pw_match_settings_load (fixture->store, fixture->id, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settings.weights[PW_CRITERION_TOPICS], ==, 7);
  g_assert_cmpint (settings.policy, ==, PW_SOLVER_POLICY_SCORE);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  AdwStatusPage *status = ADW_STATUS_PAGE (find (fixture->page, ADW_TYPE_STATUS_PAGE, NULL));

  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No One to Match");
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (status)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/matching-page/match-and-approve", Fixture, NULL, fixture_set_up, test_match_and_approve, fixture_tear_down);
  g_test_add ("/matching-page/blind-date-repeats", Fixture, NULL, fixture_set_up, test_blind_date_repeats, fixture_tear_down);
  g_test_add ("/matching-page/weight-saved", Fixture, NULL, fixture_set_up, test_weight_saved, fixture_tear_down);
  g_test_add ("/matching-page/empty", Fixture, "empty", fixture_set_up, test_empty, fixture_tear_down);

  return g_test_run ();
}
