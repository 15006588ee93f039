/* pw-workspaces-page.c — the Workspaces section: the pairs at work
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each approved or active pair, one row each; activating a row opens its
 * workspace in a window of its own.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-workspaces-page"

#include <glib/gi18n.h>

#include "pw-agreement.h"
#include "pw-match.h"
#include "pw-pair-object.h"
#include "pw-person-repo.h"
#include "pw-workspace-window.h"
#include "pw-workspaces-page.h"

struct _PwWorkspacesPage
{
  AdwBin        parent_instance;

  PwStore      *store;
  PwProgramme  *programme;
  GListStore   *pairs;   /* PwPairObject */

  /* Template widgets */
  GtkStack     *stack;
  GtkListView  *list_view;
};

G_DEFINE_FINAL_TYPE (PwWorkspacesPage, pw_workspaces_page, ADW_TYPE_BIN)

static char *
name_of (PwStore *store,
         gint64   id)
{
  g_autoptr(PwPerson) person = pw_person_repo_get (store, id, NULL);

  return g_strdup (person != NULL ? pw_person_get_name (person) : _("Someone removed"));
}

static void
load_pairs (PwWorkspacesPage *self)
{
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  pairs = pw_pairs_list (self->store, pw_programme_get_id (self->programme), FALSE, &error);
  if (pairs == NULL)
    {
      g_message ("Cannot list the pairs: %s", error->message);
      return;
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      PwPair *pair = pairs->pdata[i];
      g_autofree char *mentee = NULL;
      g_autofree char *mentor = NULL;

      if (pair->state != PW_PAIR_APPROVED && pair->state != PW_PAIR_ACTIVE)
        continue;

      mentee = name_of (self->store, pair->mentee_id);
      mentor = name_of (self->store, pair->mentor_id);
      /* The item takes the pair out of the array. */
      g_ptr_array_add (items, pw_pair_object_new (g_ptr_array_steal_index (pairs, i--), mentee, mentor));
    }

  g_list_store_splice (self->pairs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pairs)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
}

/* Signal callbacks */

static void
store_changed_cb (PwWorkspacesPage *self,
                  const char       *table)
{
  if (g_str_equal (table, "pair") || g_str_equal (table, "person"))
    load_pairs (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PwWorkspacesPage         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), arrow);

  g_object_set_data (G_OBJECT (box), "pw-title", title);
  g_object_set_data (G_OBJECT (box), "pw-subtitle", subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PwWorkspacesPage         *self)
{
  PwPairObject *object = gtk_list_item_get_item (item);
  const PwPair *pair = pw_pair_object_get_pair (object);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autoptr(PwAgreement) agreement = pw_agreement_load (self->store, pair->id, NULL);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *state = pair->state == PW_PAIR_ACTIVE ? _("Meeting") : _("Approved, not started yet");
  const char *agreed;

  if (agreement == NULL || !pw_agreement_get_saved (agreement))
    agreed = _("no agreement yet");
  else if (pw_agreement_get_state (agreement) == PW_AGREEMENT_ACCEPTED)
    agreed = _("agreement accepted");
  else
    agreed = _("agreement in draft");

  /* Translators: a pair, the mentee then their mentor */
  title = g_strdup_printf (_("%s ← %s"), pw_pair_object_get_mentee_name (object), pw_pair_object_get_mentor_name (object));
  /* Translators: a pair's state, then its agreement's */
  subtitle = g_strdup_printf (_("%s · %s"), state, agreed);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "pw-title"), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "pw-subtitle"), subtitle);
}

static void
row_activated_cb (PwWorkspacesPage *self,
                  guint             position)
{
  g_autoptr(PwPairObject) item = g_list_model_get_item (G_LIST_MODEL (self->pairs), position);

  if (item == NULL)
    return;

  pw_workspace_window_open (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                            self->store, pw_pair_object_get_pair (item)->id);
}

/* Overrides */

static void
pw_workspaces_page_dispose (GObject *object)
{
  PwWorkspacesPage *self = PW_WORKSPACES_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WORKSPACES_PAGE);
  g_clear_object (&self->pairs);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_workspaces_page_parent_class)->dispose (object);
}

static void
pw_workspaces_page_class_init (PwWorkspacesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_workspaces_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-workspaces-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWorkspacesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PwWorkspacesPage, list_view);
}

static void
pw_workspaces_page_init (PwWorkspacesPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pairs = g_list_store_new (PW_TYPE_PAIR_OBJECT);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->pairs)))));
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
pw_workspaces_page_new (PwStore     *store,
                        PwProgramme *programme)
{
  PwWorkspacesPage *self;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  self = g_object_new (PW_TYPE_WORKSPACES_PAGE, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  load_pairs (self);

  return GTK_WIDGET (self);
}

GListModel *
pw_workspaces_page_get_pairs (PwWorkspacesPage *self)
{
  g_return_val_if_fail (PW_IS_WORKSPACES_PAGE (self), NULL);

  return G_LIST_MODEL (self->pairs);
}
