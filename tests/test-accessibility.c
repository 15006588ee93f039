/* test-accessibility.c — every interactive widget has an accessible name
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window is built on a temporary database holding the sample
 * programme; the start page (empty and with the programme), every section
 * of the programme view (pw_programme_view_get_section_id(), so a new
 * section joins by itself) and the guide window are visited, and the whole
 * widget tree walked after each visit.
 *
 * The rule. GTK 4.8 has no public getter for the accessible name, so the
 * test decides from what the name is computed from. An interactive widget
 * has a name when
 *
 *   1. its accessible "label" property or "labelled-by" relation is set
 *      (gtk_test_accessible_has_property/_has_relation, which read the
 *      widget's AT context; GTK_A11Y=test gives every widget one), or
 *   2. it has a tooltip, or a mnemonic label points at it, or
 *   3. its role takes its name from its content (buttons, check and toggle
 *      buttons, menu buttons, list rows) and that content holds a label
 *      with text — or, for an AdwPreferencesRow, a title.
 *
 * Entries, switches, spin buttons, drop-downs, scales and text views do
 * not take a name from their content, nor from the row they sit in: they
 * need 1 or 2. The parts GTK builds inside a composite widget (the toggle
 * of a GtkMenuButton, the text of an entry, the arrows of a spin button,
 * the button of a drop-down, the editing parts of AdwEntryRow and
 * AdwComboRow, the titles of a GtkColumnView) are not walked: the composite
 * is checked instead, and a column view's columns must have titles. A
 * toast is libadwaita's own too: in 1.2 its close button has no name, and
 * nothing in the app can give it one.
 * Widgets hidden by their own "visible" are skipped with their subtree;
 * pages of a stack that are not in view are walked.
 */
#include "config.h"

#define G_LOG_DOMAIN "test-accessibility"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gui-helpers.h"
#include "pw-guide-window.h"
#include "pw-matching-page.h"
#include "pw-programme-view.h"
#include "pw-sample.h"
#include "pw-window.h"

typedef struct
{
  char       *dir;
  PwStore    *store;
  PwWindow   *window;
  GHashTable *seen;       /* widgets already checked */
  GPtrArray  *offenders;  /* of char *, one line each */
  guint       checked;
} Fixture;

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_no_errno (g_remove (child));
    }
  g_assert_no_errno (g_rmdir (path));
}

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_first (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The widget's path: type names from the window down, with the name set
 * by gtk_widget_set_name() or the label of a labelled ancestor to place it. */
static char *
widget_path (GtkWidget *widget)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *name = gtk_widget_get_name (w);
      const char *type = G_OBJECT_TYPE_NAME (w);

      if (name != NULL && g_strcmp0 (name, type) != 0 && *name != '\0')
        g_ptr_array_add (parts, g_strdup_printf ("%s#%s", type, name));
      else if (ADW_IS_PREFERENCES_ROW (w) && adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w))[0] != '\0')
        g_ptr_array_add (parts, g_strdup_printf ("%s[%s]", type, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w))));
      else if (ADW_IS_PREFERENCES_GROUP (w) && adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)) != NULL &&
               adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w))[0] != '\0')
        g_ptr_array_add (parts, g_strdup_printf ("%s[%s]", type, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w))));
      else
        g_ptr_array_add (parts, g_strdup (type));
    }

  for (guint i = parts->len; i > 0; i--)
    g_string_append_printf (path, "%s%s", (char *)parts->pdata[i - 1], i > 1 ? " > " : "");

  return g_string_free (path, FALSE);
}

/* The rule */

static gboolean
has_text_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (has_text_label (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
names_itself (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  GList *mnemonics;
  gboolean named;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;

  /* GtkButton and GtkCheckButton point "labelled-by" at their own child,
   * whatever it is: an icon names nothing, so that one is left to the
   * content rule. */
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      g_autofree char *differs = NULL;

      if (child == NULL)
        return TRUE;
      differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                    child, NULL);
      if (differs != NULL)
        return TRUE;
    }

  if (tooltip != NULL && *tooltip != '\0')
    return TRUE;

  mnemonics = gtk_widget_list_mnemonic_labels (widget);
  named = mnemonics != NULL;
  g_list_free (mnemonics);

  return named;
}

static gboolean
names_from_content (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))[0] != '\0';

  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
      GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_MENU_BUTTON (widget) ||
      GTK_IS_LINK_BUTTON (widget) || ADW_IS_SPLIT_BUTTON (widget))
    return has_text_label (widget);

  return FALSE;
}

static gboolean
is_interactive (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      /* A row is a control when it does something: activates, or can be
       * selected; AdwPreferencesRow subclasses are checked by title. */
      return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) ||
             ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget) ||
             (GTK_IS_LIST_BOX (parent) &&
              gtk_list_box_get_selection_mode (GTK_LIST_BOX (parent)) != GTK_SELECTION_NONE &&
              gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (widget)));
    }

  return GTK_IS_BUTTON (widget) ||
         GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) ||
         GTK_IS_ENTRY (widget) ||
         GTK_IS_TEXT (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) ||
         GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SCALE (widget) ||
         GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_CALENDAR (widget) ||
         ADW_IS_SPLIT_BUTTON (widget);
}

/* Composite widgets whose inner parts GTK or libadwaita build: the
 * composite is checked, its parts are not walked. */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) ||
         GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SCALE (widget) ||
         GTK_IS_CALENDAR (widget) ||
         ADW_IS_ENTRY_ROW (widget) ||
         ADW_IS_COMBO_ROW (widget) ||
         ADW_IS_SPLIT_BUTTON (widget) ||
         ADW_IS_TAB_BAR (widget) ||
         /* libadwaita 1.2's own: a toast's close button has no name */
         g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

static void
add_offender (Fixture    *fixture,
              GtkWidget  *widget,
              const char *why)
{
  g_autofree char *path = widget_path (widget);
  const char *icon = NULL;

  /* An icon is what a sighted person sees instead of the missing name. */
  if (GTK_IS_BUTTON (widget))
    icon = gtk_button_get_icon_name (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    icon = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));

  if (icon != NULL)
    g_ptr_array_add (fixture->offenders, g_strdup_printf ("%s: %s (icon %s)", why, path, icon));
  else
    g_ptr_array_add (fixture->offenders, g_strdup_printf ("%s: %s", why, path));
}

static void
check_column_view (Fixture       *fixture,
                   GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      if (gtk_column_view_column_get_visible (column) && (title == NULL || *title == '\0'))
        {
          g_autofree char *why = g_strdup_printf ("column %u without a title", i + 1);

          add_offender (fixture, GTK_WIDGET (view), why);
        }
    }
}

static void
walk (Fixture   *fixture,
      GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (!g_hash_table_contains (fixture->seen, widget))
    {
      g_hash_table_add (fixture->seen, widget);

      if (is_interactive (widget))
        {
          fixture->checked++;
          if (!names_itself (widget) && !names_from_content (widget))
            add_offender (fixture, widget, "no accessible name");
        }

      if (GTK_IS_COLUMN_VIEW (widget))
        check_column_view (fixture, GTK_COLUMN_VIEW (widget));
    }

  if (is_composite (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* The toggle of a menu button is its own part; its popover is ours. */
      if (GTK_IS_MENU_BUTTON (widget) && GTK_IS_TOGGLE_BUTTON (child))
        continue;
      walk (fixture, child);
    }
}

static void
walk_window (Fixture    *fixture,
             GtkWidget  *window,
             const char *where)
{
  guint before = fixture->offenders->len;

  iterate ();
  walk (fixture, window);
  g_test_message ("%s: %u widgets checked so far, %u new offenders",
                  where, fixture->checked, fixture->offenders->len - before);
}

static void
assert_no_offenders (Fixture *fixture)
{
  for (guint i = 0; i < fixture->offenders->len; i++)
    g_printerr ("%s\n", (char *)fixture->offenders->pdata[i]);

  if (fixture->offenders->len > 0)
    {
      g_autofree char *message =
        g_strdup_printf ("%u interactive widgets have no accessible name (listed above); "
                         "give each a tooltip or an accessible label",
                         fixture->offenders->len);
      g_test_fail_printf ("%s", message);
    }
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_settings_reset (settings, "last-programme");

  fixture->dir = g_dir_make_tmp ("pairwise-a11y-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "pairwise.db", NULL);
  fixture->store = pw_store_open (path, &error);
  g_assert_no_error (error);

  fixture->seen = g_hash_table_new (NULL, NULL);
  fixture->offenders = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      GtkWindow *window = GTK_WINDOW (g_steal_pointer (&fixture->window));

      g_object_ref (window);
      gtk_window_destroy (window);
      iterate ();
      g_assert_finalize_object (window);
    }

  iterate ();
  g_clear_pointer (&fixture->seen, g_hash_table_unref);
  g_clear_pointer (&fixture->offenders, g_ptr_array_unref);
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Tests */

static void
run_match (PwProgrammeView *view)
{
  PwMatchingPage *page = PW_MATCHING_PAGE (find_first (GTK_WIDGET (view), PW_TYPE_MATCHING_PAGE));
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GtkWidget *proposals;

  g_assert_nonnull (page);
  pw_matching_page_run (page, FALSE, 0);
  while (pw_matching_page_is_running (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (pw_matching_page_is_running (page));
  iterate ();

  /* Activating a proposal shows its explanation beside the list. */
  proposals = find_first (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (proposals);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (proposals)))), >, 0);
  g_signal_emit_by_name (proposals, "activate", 0);
  iterate ();

  /* Approved pairs fill the workspaces and the schedule. */
  gtk_widget_activate_action (GTK_WIDGET (page), "matching.approve-all", NULL);
  iterate ();
}

static void
test_every_section (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PwProgrammeView *view;
  GtkWidget *guide;
  const char *id;
  gint64 programme;

  fixture->window = pw_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  walk_window (fixture, GTK_WIDGET (fixture->window), "start page, empty");

  programme = pw_sample_create (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (programme, >, 0);
  pw_window_open_programme (fixture->window, programme);
  iterate ();

  view = PW_PROGRAMME_VIEW (find_first (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW));
  g_assert_nonnull (view);

  for (guint i = 0; (id = pw_programme_view_get_section_id (i)) != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("section %s", id);

      pw_programme_view_show_section (view, id);
      iterate ();
      /* What a section leaves for after its first frame is walked too. */
      g_assert_true (gui_test_wait_for_frame (GTK_WIDGET (view)));
      if (g_str_equal (id, "matching"))
        run_match (view);
      walk_window (fixture, GTK_WIDGET (fixture->window), where);
    }

  /* Sections after the match see its pairs: visit them all once more. */
  for (guint i = 0; (id = pw_programme_view_get_section_id (i)) != NULL; i++)
    {
      pw_programme_view_show_section (view, id);
      walk_window (fixture, GTK_WIDGET (fixture->window), id);
    }

  pw_window_show_start (fixture->window);
  walk_window (fixture, GTK_WIDGET (fixture->window), "start page, with the sample");

  guide = pw_guide_window_new (GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (guide));
  /* The index and the nine topics of help/C, in the index's order. */
  g_assert_cmpuint (pw_guide_window_get_n_topics (PW_GUIDE_WINDOW (guide)), ==, 10);
  g_assert_cmpstr (pw_guide_window_get_topic (PW_GUIDE_WINDOW (guide)), ==, "index");
  pw_guide_window_show_topic (PW_GUIDE_WINDOW (guide), "workshop");
  g_assert_cmpstr (pw_guide_window_get_topic (PW_GUIDE_WINDOW (guide)), ==, "workshop");
  walk_window (fixture, guide, "guide window");
  gtk_window_destroy (GTK_WINDOW (guide));

  g_assert_cmpuint (fixture->checked, >, 50);
  assert_no_offenders (fixture);
}

/* The rule itself: a bare icon button fails, a tooltip or a label passes. */
static void
test_rule (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bare = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *tooltip = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *labelled = gtk_switch_new ();
  GtkWidget *text = gtk_button_new_with_label ("Add");
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *sw = gtk_switch_new ();

  g_object_ref_sink (box);
  gtk_widget_set_tooltip_text (tooltip, "Add");
  gtk_accessible_update_property (GTK_ACCESSIBLE (labelled), GTK_ACCESSIBLE_PROPERTY_LABEL, "On", -1);
  gtk_box_append (GTK_BOX (box), bare);
  gtk_box_append (GTK_BOX (box), tooltip);
  gtk_box_append (GTK_BOX (box), labelled);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), sw);

  walk (fixture, box);
  for (guint i = 0; i < fixture->offenders->len; i++)
    g_test_message ("%s", (char *)fixture->offenders->pdata[i]);
  g_assert_cmpuint (fixture->checked, ==, 6);
  g_assert_cmpuint (fixture->offenders->len, ==, 3);
  g_assert_true (g_str_has_prefix (fixture->offenders->pdata[0], "no accessible name: GtkBox > GtkButton"));
  g_assert_true (g_str_has_suffix (fixture->offenders->pdata[1], "GtkBox > GtkEntry"));
  g_assert_true (g_str_has_suffix (fixture->offenders->pdata[2], "GtkBox > GtkSwitch"));

  g_object_unref (box);
}

int
main (int   argc,
      char *argv[])
{
  /* The test context keeps the accessible attributes the rule reads. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/accessibility/rule", Fixture, NULL, fixture_set_up, test_rule, fixture_tear_down);
  g_test_add ("/accessibility/every-section", Fixture, NULL, fixture_set_up, test_every_section, fixture_tear_down);

  return g_test_run ();
}
