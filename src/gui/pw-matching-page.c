/* pw-matching-page.c — the Matching section of a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run prepares its problem on the main thread (that reads the store),
 * then solves, measures fairness and explains the unmatched in a worker
 * thread that never touches the store. The proposals are written back on
 * the main thread; the store's "changed::pair" refreshes the lists.
 *
 * Opening the section reads only the stored pairs (and names for them).
 * Whether anyone is eligible on both sides, for the empty state, needs
 * everyone weighed: that runs in a worker with a connection of its own.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-matching-page"

#include <glib/gi18n.h>

#include "pw-eligibility.h"
#include "pw-gui-utils.h"
#include "pw-match.h"
#include "pw-matching-page.h"
#include "pw-pair-object.h"
#include "pw-person-list.h"
#include "pw-person-repo.h"
#include "pw-workspace-window.h"

struct _PwMatchingPage
{
  AdwBin               parent_instance;

  PwStore             *store;
  PwProgramme         *programme;
  PwMatchSettings      settings;
  GHashTable          *names;        /* gint64 person id → char *name */
  GListStore          *proposals;    /* PwPairObject, proposed */
  GListStore          *pairs;        /* PwPairObject, approved, active, ended */
  GtkCustomFilter     *pairs_filter_func;
  GtkFilterListModel  *pairs_model;
  GCancellable        *cancellable;
  GCancellable        *check_cancellable;  /* the eligibility check */
  GTask               *check_task;         /* waiting for a frame to run */
  GdkFrameClock       *check_clock;
  gulong               check_handler;
  gint64               shown_pair;   /* pair id in the side pane, or 0 */

  GtkScale            *weight_scales[PW_N_CRITERIA];
  AdwComboRow         *similar_rows[PW_N_ATTRS];

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  AdwViewStack        *view_stack;
  GtkEntry            *seed_entry;
  GtkRevealer         *progress_revealer;
  GtkSpinner          *spinner;
  GtkLabel            *run_label;
  AdwFlap             *flap;
  GtkStack            *proposals_stack;
  GtkListView         *proposals_view;
  GtkStack            *side_stack;
  GtkLabel            *summary_hint;
  GtkListBox          *fairness_list;
  GtkLabel            *unmatched_title;
  GtkListBox          *unmatched_list;
  GtkLabel            *pair_title;
  GtkLabel            *explanation_label;
  GtkButton           *pair_approve_button;
  GtkButton           *pair_lock_button;
  AdwPreferencesGroup *weights_group;
  AdwPreferencesGroup *similarity_group;
  AdwActionRow        *gap_row;
  GtkSpinButton       *gap_spin;
  AdwActionRow        *band_row;
  GtkSpinButton       *band_low_spin;
  GtkSpinButton       *band_high_spin;
  AdwComboRow         *policy_row;
  GtkDropDown         *pairs_filter;
  GtkStack            *pairs_stack;
  AdwStatusPage       *pairs_status;
  GtkListView         *pairs_view;

  guint                loading : 1;
  guint                running : 1;
  guint                names_loaded : 1;
};

G_DEFINE_FINAL_TYPE (PwMatchingPage, pw_matching_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What the worker hands back. */
typedef struct
{
  char *name;
  char *diagnosis;
} Unmatched;

typedef struct
{
  PwMatchRun *run;
  gboolean    random;
  guint64     seed;
  PwFairness  fairness;
  PwFairness  other;
  gboolean    have_other;
  GPtrArray  *unmatched;  /* Unmatched */
} RunData;

static void
unmatched_free (gpointer data)
{
  Unmatched *u = data;

  g_free (u->name);
  g_free (u->diagnosis);
  g_free (u);
}

static void
run_data_free (gpointer data)
{
  RunData *d = data;

  g_clear_pointer (&d->run, pw_match_run_free);
  g_clear_pointer (&d->unmatched, g_ptr_array_unref);
  g_free (d);
}

/* Helpers */

static void
show_error (PwMatchingPage *self,
            const GError   *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, pw_toast_new_plain (error->message));
}

static const char *
name_of (PwMatchingPage *self,
         gint64          id)
{
  const char *name = g_hash_table_lookup (self->names, &id);

  return name != NULL ? name : _("Someone removed");
}

static int
max_score (PwMatchingPage *self)
{
  int sum = 0;

  for (guint c = 0; c < PW_N_CRITERIA; c++)
    sum += self->settings.weights[c];

  return MAX (sum * 100, 1);
}

static char *
format_points (int points)
{
  /* Translators: a pair's score */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point", "%d points", points), points);
}

static PwPairObject *
find_pair (PwMatchingPage *self,
           gint64          id)
{
  GListModel *models[] = { G_LIST_MODEL (self->proposals), G_LIST_MODEL (self->pairs) };

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      guint n = g_list_model_get_n_items (models[m]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PwPairObject) item = g_list_model_get_item (models[m], i);

          if (pw_pair_object_get_pair (item)->id == id)
            return g_steal_pointer (&item);
        }
    }

  return NULL;
}

/* Names, pairs and the empty state */

static void
load_names (PwMatchingPage *self)
{
  g_autoptr(GHashTable) names = pw_person_repo_names (self->store, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (self->names);
  self->names_loaded = TRUE;
  if (names == NULL)
    return;

  /* Take the entries over rather than copying them. */
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->names, key, value);
    }
}

static void
update_side_pair (PwMatchingPage *self)
{
  g_autoptr(PwPairObject) item = NULL;
  const PwPair *pair;
  g_autofree char *title = NULL;

  if (self->shown_pair == 0 || (item = find_pair (self, self->shown_pair)) == NULL)
    {
      self->shown_pair = 0;
      gtk_stack_set_visible_child_name (self->side_stack, "summary");
      return;
    }

  pair = pw_pair_object_get_pair (item);
  /* Translators: a pair, the mentee then their mentor */
  title = g_strdup_printf (_("%s ← %s"), pw_pair_object_get_mentee_name (item), pw_pair_object_get_mentor_name (item));
  gtk_label_set_label (self->pair_title, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pair_title), title);
  gtk_label_set_label (self->explanation_label,
                       pair->explanation && *pair->explanation ? pair->explanation
                                                               : _("No explanation was stored with this pair."));

  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->pair_approve_button)),
                          pair->state == PW_PAIR_PROPOSED);
  /* The target first: an action name without its parameter is an error. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->pair_approve_button), "x", pair->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->pair_approve_button), "matching.approve");
  gtk_button_set_label (self->pair_lock_button, pair->locked ? _("_Unlock") : _("_Lock"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pair_lock_button),
                               pair->locked ? _("Let the next run change this pair")
                                            : _("Keep this pair when matching again"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->pair_lock_button), "(xb)", pair->id, !pair->locked);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->pair_lock_button), "matching.lock");
}

static void
load_pairs (PwMatchingPage *self)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) proposed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  pairs = pw_pairs_list (self->store, pw_programme_get_id (self->programme), TRUE, &error);
  if (pairs == NULL)
    {
      g_warning ("Cannot list the pairs: %s", error->message);
      return;
    }

  /* Names only once there are pairs to name. */
  if (pairs->len > 0 && !self->names_loaded)
    load_names (self);

  /* Take the pairs out of the array: the items own them. */
  g_ptr_array_set_free_func (pairs, NULL);
  for (guint i = 0; i < pairs->len; i++)
    {
      PwPair *pair = g_ptr_array_index (pairs, i);
      PwPairObject *item = pw_pair_object_new (pair, name_of (self, pair->mentee_id), name_of (self, pair->mentor_id));

      g_ptr_array_add (pair->state == PW_PAIR_PROPOSED ? proposed : others, item);
    }

  g_list_store_splice (self->proposals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->proposals)),
                       proposed->pdata, proposed->len);
  g_list_store_splice (self->pairs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pairs)),
                       others->pdata, others->len);

  gtk_stack_set_visible_child_name (self->proposals_stack, proposed->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matching.approve-all", proposed->len > 0 && !self->running);
  update_side_pair (self);
}

static void
update_pairs_state (PwMatchingPage *self)
{
  gboolean ended = gtk_drop_down_get_selected (self->pairs_filter) == 1;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->pairs_model)) > 0)
    {
      gtk_stack_set_visible_child_name (self->pairs_stack, "list");
      return;
    }

  adw_status_page_set_title (self->pairs_status, ended ? _("No Ended Pairs") : _("No Pairs Yet"));
  adw_status_page_set_description (self->pairs_status,
                                   ended ? _("Pairs that complete or end for a rematch are kept here.")
                                         : _("Approve proposals to make them pairs."));
  gtk_stack_set_visible_child_name (self->pairs_stack, "empty");
}

typedef struct
{
  char   *db_path;
  gint64  programme_id;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *d = data;

  g_free (d->db_path);
  g_free (d);
}

/* Are there eligible mentees and mentors? */
static gboolean
anyone_to_match (PwStore  *store,
                 gint64    programme_id,
                 GError  **error)
{
  g_autoptr(GListModel) people = NULL;
  PwEligibility *eligibility;
  PwEligibilitySummary summary = { 0 };

  eligibility = pw_eligibility_load (store, programme_id, error);
  if (eligibility == NULL)
    return FALSE;

  people = pw_person_repo_list_enrolled (store, programme_id, error);
  if (people != NULL)
    pw_eligibility_summarise (eligibility, people, &summary);
  pw_eligibility_free (eligibility);

  return summary.mentees > 0 && summary.mentors > 0;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *d = task_data;
  g_autoptr(PwStore) store = NULL;
  GError *error = NULL;
  gboolean anything;

  /* A connection of its own: the page's stays with the main thread. */
  store = pw_store_open (d->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  anything = anyone_to_match (store, d->programme_id, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, anything);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean anything;

  anything = g_task_propagate_boolean (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not cancelled, so the page is still there. */
  if (error != NULL)
    g_debug ("Cannot weigh the programme's people: %s", error->message);
  else
    gtk_stack_set_visible_child_name (PW_MATCHING_PAGE (user_data)->main_stack,
                                      anything ? "content" : "empty");
}

static void
stop_waiting_for_frame (PwMatchingPage *self)
{
  if (self->check_handler != 0)
    g_signal_handler_disconnect (self->check_clock, self->check_handler);
  self->check_handler = 0;
  g_clear_object (&self->check_clock);
}

/* Cancels the check under way, or answers the one not yet started. */
static void
drop_check (PwMatchingPage *self)
{
  stop_waiting_for_frame (self);
  g_cancellable_cancel (self->check_cancellable);
  if (self->check_task != NULL)
    g_task_return_error_if_cancelled (self->check_task);
  g_clear_object (&self->check_task);
  g_clear_object (&self->check_cancellable);
}

static void
check_after_paint_cb (GdkFrameClock  *clock,
                      PwMatchingPage *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->check_task);

  stop_waiting_for_frame (self);
  if (task != NULL)
    g_task_run_in_thread (task, check_thread);
}

/* The worker starts once the page has shown a frame: it would otherwise
 * compete with that first frame for the processor. */
static void
start_check_when_shown (PwMatchingPage *self)
{
  GdkFrameClock *clock;

  if (self->check_task == NULL || self->check_handler != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      (clock = gtk_widget_get_frame_clock (GTK_WIDGET (self))) == NULL)
    return;

  self->check_clock = g_object_ref (clock);
  self->check_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (check_after_paint_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
update_empty_state (PwMatchingPage *self)
{
  gint64 id = pw_programme_get_id (self->programme);
  const char *path = pw_store_get_path (self->store);
  g_autoptr(GTask) task = NULL;
  CheckData *d;

  drop_check (self);

  /* Proposals or pairs on show say enough: skip weighing everyone. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->proposals)) > 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->pairs)) > 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "content");
      return;
    }

  /* Nobody enrolled: nobody to weigh. */
  if (pw_person_list_count_enrolled (self->store, id, NULL) <= 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  /* A private in-memory database has no second connection. */
  if (path == NULL || g_str_equal (path, ":memory:"))
    {
      gtk_stack_set_visible_child_name (self->main_stack,
                                        anyone_to_match (self->store, id, NULL) ? "content" : "empty");
      return;
    }

  /* The content until the worker says otherwise: weighing 5,000 people
   * would hold up the section's first frame. */
  gtk_stack_set_visible_child_name (self->main_stack, "content");

  d = g_new0 (CheckData, 1);
  d->db_path = g_strdup (path);
  d->programme_id = id;
  self->check_cancellable = g_cancellable_new ();
  /* No reference to the page: dispose cancels, and the answer is then
   * dropped unread. */
  task = g_task_new (NULL, self->check_cancellable, check_done_cb, self);
  g_task_set_source_tag (task, update_empty_state);
  g_task_set_task_data (task, d, check_data_free);
  self->check_task = g_steal_pointer (&task);
  start_check_when_shown (self);
}

static void
store_changed_cb (PwMatchingPage *self,
                  const char     *table,
                  PwStore        *store)
{
  if (g_str_equal (table, "person"))
    {
      self->names_loaded = FALSE;
      load_pairs (self);
      update_empty_state (self);
    }
  else if (g_str_equal (table, "pair"))
    {
      load_pairs (self);
      update_empty_state (self);
    }
  else if (g_str_equal (table, "eligibility") || g_str_equal (table, "enrolment"))
    update_empty_state (self);
}

/* Rows of the lists */

static GtkWidget *
pair_row_new (gboolean proposals)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();

  gtk_widget_set_tooltip_text (lock, _("Locked: kept when matching again"));
  gtk_widget_set_valign (lock, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), lock);
  gtk_box_append (GTK_BOX (box), text);

  if (proposals)
    {
      GtkWidget *bar = gtk_level_bar_new ();

      gtk_widget_set_size_request (bar, 64, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_box_append (GTK_BOX (box), bar);
      g_object_set_data (G_OBJECT (box), "pw-bar", bar);
    }

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, proposals ? _("Pair Actions") : _("Pair Actions"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_box_append (GTK_BOX (box), menu_button);

  g_object_set_data (G_OBJECT (box), "pw-lock", lock);
  g_object_set_data (G_OBJECT (box), "pw-title", title);
  g_object_set_data (G_OBJECT (box), "pw-subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "pw-menu", menu_button);

  return box;
}

static void
setup_proposal_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   PwMatchingPage           *self)
{
  gtk_list_item_set_child (item, pair_row_new (TRUE));
}

static void
setup_pair_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PwMatchingPage           *self)
{
  gtk_list_item_set_child (item, pair_row_new (FALSE));
  gtk_list_item_set_activatable (item, FALSE);
}

static void
menu_add (GMenu      *menu,
          const char *label,
          const char *action,
          GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

static void
bind_common (GtkListItem  *item,
             const char   *subtitle_text,
             GMenu        *menu)
{
  PwPairObject *object = gtk_list_item_get_item (item);
  const PwPair *pair = pw_pair_object_get_pair (object);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *title = NULL;
  g_autofree char *accessible = NULL;

  title = g_strdup_printf (_("%s ← %s"), pw_pair_object_get_mentee_name (object), pw_pair_object_get_mentor_name (object));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "pw-title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "pw-subtitle"), subtitle_text);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "pw-lock"), pair->locked);

  gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (box), "pw-menu"), G_MENU_MODEL (menu));
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "pw-menu"),
                          g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
  /* Translators: the menu of a pair, mentee then mentor */
  accessible = g_strdup_printf (_("Actions for %s and %s"),
                                pw_pair_object_get_mentee_name (object), pw_pair_object_get_mentor_name (object));
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (box), "pw-menu")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
bind_proposal_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PwMatchingPage           *self)
{
  PwPairObject *object = gtk_list_item_get_item (item);
  const PwPair *pair = pw_pair_object_get_pair (object);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLevelBar *bar = g_object_get_data (G_OBJECT (box), "pw-bar");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *points = format_points (pair->score);
  g_autofree char *subtitle = NULL;

  if (pair->random)
    /* Translators: the score of a pair drawn at random */
    subtitle = g_strdup_printf (_("%s · blind date"), points);
  else
    subtitle = g_strdup (points);

  menu_add (menu, _("_Approve"), "matching.approve", g_variant_new_int64 (pair->id));
  menu_add (menu, pair->locked ? _("_Unlock") : _("_Lock"), "matching.lock",
            g_variant_new ("(xb)", pair->id, !pair->locked));
  menu_add (menu, _("_Never Pair These Two"), "matching.forbid", g_variant_new_int64 (pair->id));
  bind_common (item, subtitle, menu);

  gtk_level_bar_set_max_value (bar, max_score (self));
  gtk_level_bar_set_value (bar, CLAMP (pair->score, 0, max_score (self)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (bar), points);
}

static void
bind_pair_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PwMatchingPage           *self)
{
  PwPairObject *object = gtk_list_item_get_item (item);
  const PwPair *pair = pw_pair_object_get_pair (object);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;

  switch (pair->state)
    {
    case PW_PAIR_APPROVED:
      subtitle = g_strdup (_("Approved, not started yet"));
      menu_add (menu, _("_Open Workspace"), "matching.open-workspace", g_variant_new_int64 (pair->id));
      menu_add (menu, _("_Mark as Started"), "matching.activate-pair", g_variant_new_int64 (pair->id));
      menu_add (menu, _("_End Pair…"), "matching.end-pair", g_variant_new_int64 (pair->id));
      break;

    case PW_PAIR_ACTIVE:
      subtitle = g_strdup (_("Meeting"));
      menu_add (menu, _("_Open Workspace"), "matching.open-workspace", g_variant_new_int64 (pair->id));
      menu_add (menu, _("_End Pair…"), "matching.end-pair", g_variant_new_int64 (pair->id));
      break;

    case PW_PAIR_ENDED:
    case PW_PAIR_PROPOSED:
    default:
      day = pair->ended ? g_strndup (pair->ended, 10) : NULL;
      date = pw_format_date (day, TRUE);
      if (g_strcmp0 (pair->end_kind, "rematched") == 0)
        /* Translators: when a pair ended so that each could be matched again */
        subtitle = g_strdup_printf (_("Ended for a rematch on %s"), date);
      else
        subtitle = g_strdup_printf (_("Completed on %s"), date);
      break;
    }

  bind_common (item, subtitle, menu);
}

static gboolean
filter_pair (gpointer item,
             gpointer user_data)
{
  PwMatchingPage *self = user_data;
  const PwPair *pair = pw_pair_object_get_pair (item);
  gboolean ended = gtk_drop_down_get_selected (self->pairs_filter) == 1;

  return (pair->state == PW_PAIR_ENDED) == ended;
}

static void
pairs_filter_changed_cb (PwMatchingPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->pairs_filter_func), GTK_FILTER_CHANGE_DIFFERENT);
  update_pairs_state (self);
}

static void
proposal_activated_cb (PwMatchingPage *self,
                       guint           position)
{
  g_autoptr(PwPairObject) item = g_list_model_get_item (G_LIST_MODEL (self->proposals), position);

  if (item == NULL)
    return;

  self->shown_pair = pw_pair_object_get_pair (item)->id;
  update_side_pair (self);
  gtk_stack_set_visible_child_name (self->side_stack, "pair");
  adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* Criteria */

static const char *
criterion_direction (PwMatchingPage *self,
                     PwCriterion     criterion)
{
  switch (criterion)
    {
    case PW_CRITERION_TOPICS:
      return _("Higher when the mentor offers what the mentee wants to learn");
    case PW_CRITERION_GAP:
      return pw_programme_get_kind (self->programme) == PW_PROGRAMME_KIND_REVERSE
             ? _("Higher when the mentor is the junior one, by at least the minimum gap")
             : _("Higher when the mentor is the senior one, by at least the minimum gap");
    case PW_CRITERION_SIMILARITY:
      return _("Higher when the attributes below are the same or different, as you ask");
    case PW_CRITERION_BALANCE:
      return _("Higher when the pair is alike within the healthy band");
    case PW_CRITERION_CONTACT:
      return _("Higher with a contact form in common and hours that fit");
    case PW_CRITERION_GROWTH:
      return _("Higher when the mentor’s strengths meet the mentee’s areas to develop");
    case PW_N_CRITERIA:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
save_settings (PwMatchingPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!pw_match_settings_save (self->store, pw_programme_get_id (self->programme), &self->settings, &error))
    show_error (self, error);
}

static void
criteria_changed_cb (PwMatchingPage *self)
{
  int low, high;

  if (self->loading)
    return;

  for (guint c = 0; c < PW_N_CRITERIA; c++)
    self->settings.weights[c] = (int) gtk_range_get_value (GTK_RANGE (self->weight_scales[c]));
  for (guint a = 0; a < PW_N_ATTRS; a++)
    self->settings.similar[a] = (PwSimilarWish) adw_combo_row_get_selected (self->similar_rows[a]);
  self->settings.min_gap = gtk_spin_button_get_value_as_int (self->gap_spin);
  self->settings.policy = adw_combo_row_get_selected (self->policy_row) == 1 ? PW_SOLVER_POLICY_SCORE
                                                                             : PW_SOLVER_POLICY_COVERAGE;

  low = gtk_spin_button_get_value_as_int (self->band_low_spin);
  high = gtk_spin_button_get_value_as_int (self->band_high_spin);
  if (low > high)
    {
      g_autofree char *message = g_strdup_printf (_("The band runs from a lower share to a higher one: %d%% is above %d%%."),
                                                  low, high);

      pw_widget_show_error (GTK_WIDGET (self->band_row), message);
    }
  else
    {
      pw_widget_show_error (GTK_WIDGET (self->band_row), NULL);
      self->settings.band_low = low;
      self->settings.band_high = high;
    }

  save_settings (self);
}

static void
load_settings (PwMatchingPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!pw_match_settings_load (self->store, pw_programme_get_id (self->programme), &self->settings, &error))
    {
      g_warning ("Cannot load the matching settings: %s", error->message);
      pw_match_settings_init (&self->settings);
    }

  self->loading = TRUE;
  for (guint c = 0; c < PW_N_CRITERIA; c++)
    gtk_range_set_value (GTK_RANGE (self->weight_scales[c]), self->settings.weights[c]);
  for (guint a = 0; a < PW_N_ATTRS; a++)
    adw_combo_row_set_selected (self->similar_rows[a], self->settings.similar[a]);
  gtk_spin_button_set_value (self->gap_spin, self->settings.min_gap);
  gtk_spin_button_set_value (self->band_low_spin, self->settings.band_low);
  gtk_spin_button_set_value (self->band_high_spin, self->settings.band_high);
  adw_combo_row_set_selected (self->policy_row, self->settings.policy == PW_SOLVER_POLICY_SCORE ? 1 : 0);
  self->loading = FALSE;
}

static void
build_criteria (PwMatchingPage *self)
{
  for (guint c = 0; c < PW_N_CRITERIA; c++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 10, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pw_criterion_label (c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), criterion_direction (self, c));

      gtk_scale_set_digits (GTK_SCALE (scale), 0);
      gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
      gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
      gtk_range_set_round_digits (GTK_RANGE (scale), 0);
      gtk_scale_add_mark (GTK_SCALE (scale), 0, GTK_POS_BOTTOM, NULL);
      gtk_scale_add_mark (GTK_SCALE (scale), 5, GTK_POS_BOTTOM, NULL);
      gtk_scale_add_mark (GTK_SCALE (scale), 10, GTK_POS_BOTTOM, NULL);
      gtk_widget_set_size_request (scale, 160, -1);
      gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, pw_criterion_label (c),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), scale);
      g_signal_connect_object (scale, "value-changed", G_CALLBACK (criteria_changed_cb), self, G_CONNECT_SWAPPED);

      self->weight_scales[c] = GTK_SCALE (scale);
      adw_preferences_group_add (self->weights_group, row);
    }

  for (guint a = 0; a < PW_N_ATTRS; a++)
    {
      const char *wishes[] = { _("Ignore"), _("Same"), _("Different"), NULL };
      g_autoptr(GtkStringList) model = gtk_string_list_new (wishes);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pw_attribute_label (a));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (criteria_changed_cb), self, G_CONNECT_SWAPPED);

      /* The characteristics only where the programme turns them on. */
      if (a >= PW_ATTR_AGE_BAND)
        g_object_bind_property (self->programme, "sensitive-enabled", row, "visible", G_BINDING_SYNC_CREATE);

      self->similar_rows[a] = ADW_COMBO_ROW (row);
      adw_preferences_group_add (self->similarity_group, row);
    }

  load_settings (self);

  g_signal_connect_object (self->gap_spin, "value-changed", G_CALLBACK (criteria_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->band_low_spin, "value-changed", G_CALLBACK (criteria_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->band_high_spin, "value-changed", G_CALLBACK (criteria_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->policy_row, "notify::selected", G_CALLBACK (criteria_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Running */

static void
set_running (PwMatchingPage *self,
             gboolean        running)
{
  self->running = running;
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matching.match", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matching.blind-date", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matching.stop", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matching.approve-all",
                                 !running && g_list_model_get_n_items (G_LIST_MODEL (self->proposals)) > 0);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *d = task_data;
  GError *error = NULL;
  guint n;

  /* Only the prepared run: the store stays with the main thread. */
  if (!pw_match_solve (d->run, d->random, d->seed, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  pw_match_fairness (d->run, &d->fairness);
  if (!d->random)
    d->have_other = pw_match_fairness_other_policy (d->run, &d->other, NULL);

  n = pw_match_get_n_mentees (d->run);
  d->unmatched = g_ptr_array_new_with_free_func (unmatched_free);
  for (guint i = 0; i < n; i++)
    if (pw_match_get_assignment (d->run, i) < 0)
      {
        Unmatched *u = g_new0 (Unmatched, 1);

        u->name = g_strdup (pw_person_get_name (pw_match_get_mentee (d->run, i)));
        u->diagnosis = pw_match_explain_unmatched (d->run, i);
        g_ptr_array_add (d->unmatched, u);
      }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_boolean (task, TRUE);
}

static char *
other_text (const char *value,
            const char *policy)
{
  /* Translators: the other policy's figure, e.g. "12 under highest total score" */
  return g_strdup_printf (_("%s under %s"), value, policy);
}

static GtkWidget *
figure_row_new (const char *title,
                const char *value,
                const char *other)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (other != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), other);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_summary (PwMatchingPage *self,
              RunData        *d)
{
  const char *other_name = self->settings.policy == PW_SOLVER_POLICY_COVERAGE
                           ? _("highest total score") : _("as many as possible");
  const PwFairness *f = &d->fairness;
  const PwFairness *o = d->have_other ? &d->other : NULL;
  g_autofree char *v1 = NULL, *o1 = NULL, *v2 = NULL, *o2 = NULL, *v3 = NULL, *o3 = NULL;
  g_autofree char *v4 = NULL, *o4 = NULL, *v5 = NULL, *o5 = NULL;

  clear_list (self->fairness_list);
  clear_list (self->unmatched_list);

  v1 = g_strdup_printf ("%u", f->matched);
  v2 = g_strdup_printf ("%u", f->unmatched);
  v3 = g_strdup_printf ("%d", f->lowest);
  /* Translators: the spread of scores, mean ± standard deviation */
  v4 = g_strdup_printf (_("%.0f ± %.0f"), f->mean, f->stddev);
  v5 = g_strdup_printf ("%" G_GINT64_FORMAT, f->total);
  if (o != NULL)
    {
      g_autofree char *w1 = g_strdup_printf ("%u", o->matched);
      g_autofree char *w2 = g_strdup_printf ("%u", o->unmatched);
      g_autofree char *w3 = g_strdup_printf ("%d", o->lowest);
      g_autofree char *w4 = g_strdup_printf (_("%.0f ± %.0f"), o->mean, o->stddev);
      g_autofree char *w5 = g_strdup_printf ("%" G_GINT64_FORMAT, o->total);

      o1 = other_text (w1, other_name);
      o2 = other_text (w2, other_name);
      o3 = other_text (w3, other_name);
      o4 = other_text (w4, other_name);
      o5 = other_text (w5, other_name);
    }

  gtk_list_box_append (self->fairness_list, figure_row_new (_("Pairs"), v1, o1));
  gtk_list_box_append (self->fairness_list, figure_row_new (_("Mentees without a mentor"), v2, o2));
  gtk_list_box_append (self->fairness_list, figure_row_new (_("Lowest pair’s score"), v3, o3));
  gtk_list_box_append (self->fairness_list, figure_row_new (_("Scores, mean ± spread"), v4, o4));
  gtk_list_box_append (self->fairness_list, figure_row_new (_("Total score"), v5, o5));

  for (guint i = 0; d->unmatched != NULL && i < d->unmatched->len; i++)
    {
      Unmatched *u = g_ptr_array_index (d->unmatched, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_markup_escape_text (u->name, -1);
      g_autofree char *diagnosis = g_markup_escape_text (u->diagnosis, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), diagnosis);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->unmatched_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->summary_hint), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->fairness_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->unmatched_title), d->unmatched && d->unmatched->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->unmatched_list), d->unmatched && d->unmatched->len > 0);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (object);
  RunData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  set_running (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Matching stopped")));
      else
        show_error (self, error);
      return;
    }

  /* Back on the main thread: the store is ours again. */
  if (!pw_match_save_proposals (d->run, &error))
    {
      show_error (self, error);
      return;
    }

  show_summary (self, d);

  if (d->random)
    message = g_strdup_printf (_("Blind date with seed %llu. Type the seed beside Blind Date to draw these pairs again."),
                               (unsigned long long)d->seed);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Matched by the criteria: %u pair proposed.",
                                            "Matched by the criteria: %u pairs proposed.",
                                            d->fairness.matched),
                               d->fairness.matched);
  gtk_label_set_label (self->run_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->run_label), TRUE);

  if (d->random)
    {
      g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, d->seed);
      gtk_editable_set_text (GTK_EDITABLE (self->seed_entry), seed);
    }
}

/* Actions */

static void
match_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pw_matching_page_run (PW_MATCHING_PAGE (widget), FALSE, 0);
}

static void
blind_date_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->seed_entry))));
  guint64 seed = 0;

  if (*text != '\0' && !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT64, &seed, NULL))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("A seed is a whole number, such as 4821")));
      return;
    }

  pw_matching_page_run (self, TRUE, seed);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!pw_pair_approve (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

static void
approve_all_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->proposals));
  g_autofree char *message = NULL;

  if (!pw_pairs_approve_all (self->store, pw_programme_get_id (self->programme), &error))
    {
      show_error (self, error);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pair approved", "%u pairs approved", n), n);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
lock_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean locked;

  g_variant_get (parameter, "(xb)", &id, &locked);
  if (!pw_pair_set_locked (self->store, id, locked, &error))
    show_error (self, error);
}

static void
undo_forbid_cb (AdwToast       *toast,
                PwMatchingPage *self)
{
  gint64 mentee = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "pw-mentee"));
  gint64 mentor = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "pw-mentor"));
  g_autoptr(GError) error = NULL;

  if (!pw_pair_forbid (self->store, pw_programme_get_id (self->programme), mentee, mentor, FALSE, &error))
    show_error (self, error);
}

static void
forbid_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);
  g_autoptr(PwPairObject) item = find_pair (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const PwPair *pair;
  AdwToast *toast;

  if (item == NULL)
    return;

  pair = pw_pair_object_get_pair (item);
  if (!pw_pair_forbid (self->store, pw_programme_get_id (self->programme), pair->mentee_id, pair->mentor_id, TRUE, &error))
    {
      show_error (self, error);
      return;
    }

  message = g_markup_printf_escaped (_("%s and %s will not be paired. Match again to fill the gap."),
                                     pw_pair_object_get_mentee_name (item), pw_pair_object_get_mentor_name (item));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "pw-mentee", GSIZE_TO_POINTER ((gsize) pair->mentee_id));
  g_object_set_data (G_OBJECT (toast), "pw-mentor", GSIZE_TO_POINTER ((gsize) pair->mentor_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_forbid_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_workspace_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);

  pw_workspace_window_open (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, g_variant_get_int64 (parameter));
}

static void
activate_pair_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!pw_pair_activate (self->store, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

static void
end_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 PwMatchingPage   *self)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "pw-reason");
  GtkCheckButton *mentee_waits = g_object_get_data (G_OBJECT (dialog), "pw-mentee-waits");
  GtkCheckButton *mentor_waits = g_object_get_data (G_OBJECT (dialog), "pw-mentor-waits");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pw-pair"));
  g_autoptr(PwPairObject) item = find_pair (self, id);
  g_autoptr(GError) error = NULL;
  gint64 waiting = 0;
  gboolean rematch;

  if (!g_str_equal (response, "end") || item == NULL)
    return;

  if (gtk_check_button_get_active (mentee_waits))
    waiting = pw_pair_object_get_pair (item)->mentee_id;
  else if (gtk_check_button_get_active (mentor_waits))
    waiting = pw_pair_object_get_pair (item)->mentor_id;
  rematch = waiting != 0;

  if (!pw_pair_end (self->store, id, rematch, waiting, gtk_editable_get_text (reason), &error))
    show_error (self, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (rematch ? _("Pair ended: the one left waiting comes first at the next match")
                                                        : _("Pair completed")));
}

static void
end_pair_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(PwPairObject) item = find_pair (self, id);
  g_autofree char *body = NULL;
  g_autofree char *mentee_label = NULL;
  g_autofree char *mentor_label = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *reason;
  GtkWidget *question;
  GtkWidget *mentee_waits;
  GtkWidget *mentor_waits;
  GtkWidget *completed;

  if (item == NULL)
    return;

  body = g_strdup_printf (_("%s and %s will never be proposed to each other again. Ending a pair is nobody’s fault: "
                            "the reason stays with you."),
                          pw_pair_object_get_mentee_name (item), pw_pair_object_get_mentor_name (item));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("End This Pair?"), body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, seen only by you"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason, seen only by you"),
                                  -1);
  gtk_box_append (GTK_BOX (box), reason);

  question = gtk_label_new (_("Who is left waiting?"));
  gtk_label_set_xalign (GTK_LABEL (question), 0);
  gtk_widget_set_margin_top (question, 12);
  gtk_widget_add_css_class (question, "heading");
  gtk_box_append (GTK_BOX (box), question);

  /* Translators: the mentee waits for a new mentor, and comes first */
  mentee_label = g_strdup_printf (_("%s, for a new mentor"), pw_pair_object_get_mentee_name (item));
  mentor_label = g_strdup_printf (_("%s, for a new mentee"), pw_pair_object_get_mentor_name (item));
  mentee_waits = gtk_check_button_new_with_label (mentee_label);
  mentor_waits = gtk_check_button_new_with_label (mentor_label);
  completed = gtk_check_button_new_with_label (_("Nobody: the pair has completed"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (mentor_waits), GTK_CHECK_BUTTON (mentee_waits));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (completed), GTK_CHECK_BUTTON (mentee_waits));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (mentee_waits), TRUE);
  gtk_box_append (GTK_BOX (box), mentee_waits);
  gtk_box_append (GTK_BOX (box), mentor_waits);
  gtk_box_append (GTK_BOX (box), completed);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "end", _("_End Pair"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "pw-reason", reason);
  g_object_set_data (G_OBJECT (dialog), "pw-mentee-waits", mentee_waits);
  g_object_set_data (G_OBJECT (dialog), "pw-mentor-waits", mentor_waits);
  g_object_set_data (G_OBJECT (dialog), "pw-pair", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_summary_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (widget);

  self->shown_pair = 0;
  gtk_stack_set_visible_child_name (self->side_stack, "summary");
}

/* Overrides */

static void
pw_matching_page_constructed (GObject *object)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (object);

  G_OBJECT_CLASS (pw_matching_page_parent_class)->constructed (object);

  g_assert (PW_IS_STORE (self->store));
  g_assert (PW_IS_PROGRAMME (self->programme));

  build_criteria (self);
  load_pairs (self);
  update_pairs_state (self);
  update_empty_state (self);
  set_running (self, FALSE);

  g_signal_connect (self, "map", G_CALLBACK (start_check_when_shown), NULL);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->programme, "notify::sensitive-enabled",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
}

static void
pw_matching_page_dispose (GObject *object)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  drop_check (self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_MATCHING_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pairs_model);
  g_clear_object (&self->pairs_filter_func);
  g_clear_object (&self->pairs);
  g_clear_object (&self->proposals);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_matching_page_parent_class)->dispose (object);
}

static void
pw_matching_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (object);

  if (!pw_section_get_property (pspec, value, self->store, self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_matching_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwMatchingPage *self = PW_MATCHING_PAGE (object);

  if (!pw_section_set_property (pspec, value, &self->store, &self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_matching_page_class_init (PwMatchingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_matching_page_constructed;
  object_class->dispose = pw_matching_page_dispose;
  object_class->get_property = pw_matching_page_get_property;
  object_class->set_property = pw_matching_page_set_property;

  properties [PROP_STORE] = pw_param_spec_store ();
  properties [PROP_PROGRAMME] = pw_param_spec_programme ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-matching-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, seed_entry);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, run_label);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, flap);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, proposals_stack);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, proposals_view);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, summary_hint);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, fairness_list);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, unmatched_title);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, unmatched_list);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, pair_title);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, pair_approve_button);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, pair_lock_button);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, weights_group);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, similarity_group);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, gap_row);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, gap_spin);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, band_row);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, band_low_spin);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, band_high_spin);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, policy_row);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, pairs_filter);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, pairs_stack);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, pairs_status);
  gtk_widget_class_bind_template_child (widget_class, PwMatchingPage, pairs_view);

  gtk_widget_class_install_action (widget_class, "matching.match", NULL, match_activated);
  gtk_widget_class_install_action (widget_class, "matching.blind-date", NULL, blind_date_activated);
  gtk_widget_class_install_action (widget_class, "matching.stop", NULL, stop_activated);
  gtk_widget_class_install_action (widget_class, "matching.approve", "x", approve_activated);
  gtk_widget_class_install_action (widget_class, "matching.approve-all", NULL, approve_all_activated);
  gtk_widget_class_install_action (widget_class, "matching.lock", "(xb)", lock_activated);
  gtk_widget_class_install_action (widget_class, "matching.forbid", "x", forbid_activated);
  gtk_widget_class_install_action (widget_class, "matching.activate-pair", "x", activate_pair_activated);
  gtk_widget_class_install_action (widget_class, "matching.open-workspace", "x", open_workspace_activated);
  gtk_widget_class_install_action (widget_class, "matching.end-pair", "x", end_pair_activated);
  gtk_widget_class_install_action (widget_class, "matching.show-summary", NULL, show_summary_activated);
}

static void
pw_matching_page_init (PwMatchingPage *self)
{
  GtkListItemFactory *factory;
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->proposals = g_list_store_new (PW_TYPE_PAIR_OBJECT);
  self->pairs = g_list_store_new (PW_TYPE_PAIR_OBJECT);
  self->cancellable = g_cancellable_new ();

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_proposal_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_proposal_cb), self);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->proposals))));
  gtk_list_view_set_factory (self->proposals_view, factory);
  gtk_list_view_set_model (self->proposals_view, selection);
  g_object_unref (factory);
  g_object_unref (selection);
  g_signal_connect_object (self->proposals_view, "activate", G_CALLBACK (proposal_activated_cb), self, G_CONNECT_SWAPPED);

  self->pairs_filter_func = gtk_custom_filter_new (filter_pair, self, NULL);
  self->pairs_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->pairs)),
                                                 g_object_ref (GTK_FILTER (self->pairs_filter_func)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_pair_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_pair_cb), self);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->pairs_model))));
  gtk_list_view_set_factory (self->pairs_view, factory);
  gtk_list_view_set_model (self->pairs_view, selection);
  g_object_unref (factory);
  g_object_unref (selection);
  g_signal_connect_object (self->pairs_filter, "notify::selected", G_CALLBACK (pairs_filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pairs_model, "items-changed", G_CALLBACK (update_pairs_state), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pw_matching_page_new (PwStore     *store,
                      PwProgramme *programme)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  return g_object_new (PW_TYPE_MATCHING_PAGE,
                       "store", store,
                       "programme", programme,
                       NULL);
}

/**
 * pw_matching_page_run:
 * @random: a blind date rather than matching by the criteria
 * @seed: the blind date's seed, or 0 to draw one
 *
 * Prepares the run here, solves it in a worker thread and stores the
 * proposals when it is done; the page shows progress meanwhile.
 */
void
pw_matching_page_run (PwMatchingPage *self,
                      gboolean        random,
                      guint64         seed)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RunData *d;
  PwMatchRun *run;

  g_return_if_fail (PW_IS_MATCHING_PAGE (self));

  if (self->running)
    return;

  run = pw_match_prepare (self->store, pw_programme_get_id (self->programme), &error);
  if (run == NULL)
    {
      show_error (self, error);
      return;
    }

  if (random && seed == 0)
    /* Short enough to read out in a workshop and type again. */
    seed = (guint64) g_random_int_range (1000, 1000000);

  d = g_new0 (RunData, 1);
  d->run = run;
  d->random = random;
  d->seed = seed;

  g_cancellable_reset (self->cancellable);
  task = g_task_new (self, self->cancellable, run_done_cb, NULL);
  g_task_set_source_tag (task, pw_matching_page_run);
  g_task_set_task_data (task, d, run_data_free);

  set_running (self, TRUE);
  g_task_run_in_thread (task, run_thread);
}

gboolean
pw_matching_page_is_running (PwMatchingPage *self)
{
  g_return_val_if_fail (PW_IS_MATCHING_PAGE (self), FALSE);

  return self->running;
}

GListModel *
pw_matching_page_get_proposals (PwMatchingPage *self)
{
  g_return_val_if_fail (PW_IS_MATCHING_PAGE (self), NULL);

  return G_LIST_MODEL (self->proposals);
}
