/* pw-programme-view.c — one programme: its sections beside the content
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-programme-view"

#include <glib/gi18n.h>

#include "pw-eligibility-page.h"
#include "pw-evaluation-page.h"
#include "pw-gui-utils.h"
#include "pw-matching-page.h"
#include "pw-people-page.h"
#include "pw-programme-view.h"
#include "pw-schedule-page.h"
#include "pw-setup-page.h"
#include "pw-window.h"
#include "pw-workshop-window.h"
#include "pw-workspaces-page.h"

struct _PwProgrammeView
{
  AdwBin          parent_instance;

  PwStore        *store;
  PwProgramme    *programme;

  /* Template widgets */
  AdwLeaflet     *leaflet;
  GtkWidget      *content;
  GtkLabel       *sidebar_title;
  AdwWindowTitle *content_title;
  GtkListBox     *section_list;
  GtkStack       *section_stack;
  GtkMenuButton  *menu_button;
  GMenuModel     *programme_menu;
};

/* The sections of a programme, in the sidebar's order. A later feature adds
 * itself here with one line; a section shows only once it does something. */
typedef struct
{
  const char *id;
  const char *title;
  const char *icon_name;
  GtkWidget *(*create) (PwStore     *store,
                        PwProgramme *programme);
} PwSection;

static const PwSection sections[] = {
  { "setup", N_("Setup"), "document-edit-symbolic", pw_setup_page_new },
  { "people", N_("People"), "system-users-symbolic", pw_people_page_new },
  { "eligibility", N_("Eligibility"), "emblem-ok-symbolic", pw_eligibility_page_new },
  { "matching", N_("Matching"), "view-dual-symbolic", pw_matching_page_new },
  { "workspaces", N_("Workspaces"), "folder-documents-symbolic", pw_workspaces_page_new },
  { "schedule", N_("Schedule"), "x-office-calendar-symbolic", pw_schedule_page_new },
  { "evaluation", N_("Evaluation"), "x-office-presentation-symbolic", pw_evaluation_page_new },
};

G_DEFINE_FINAL_TYPE (PwProgrammeView, pw_programme_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const PwSection *
find_section (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].id, id) == 0)
      return &sections[i];

  return NULL;
}

static GtkWidget *
create_section_row (const PwSection *section)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name (section->icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, NULL,
                                  -1);
  label = gtk_label_new (_(section->title));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, section->id);

  return row;
}

static void
update_titles (PwProgrammeView *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->section_stack);
  const PwSection *section = find_section (visible);

  adw_window_title_set_title (self->content_title, section ? _(section->title) : "");

  /* Folded, the sidebar with the programme's name is out of sight. */
  adw_window_title_set_subtitle (self->content_title,
                                 adw_leaflet_get_folded (self->leaflet)
                                   ? pw_programme_get_name (self->programme)
                                   : NULL);
}

static void
section_activated_cb (PwProgrammeView *self,
                      GtkListBoxRow   *row)
{
  pw_programme_view_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
show_sections_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PwProgrammeView *self = PW_PROGRAMME_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
start_workshop_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PwProgrammeView *self = PW_PROGRAMME_VIEW (widget);
  g_autoptr(GError) error = NULL;
  PwWorkshopWindow *workshop;
  GtkRoot *root = gtk_widget_get_root (widget);

  /* The same programme instance: the room's decisions reach the setup. */
  workshop = pw_workshop_window_new (self->store, self->programme, &error);
  if (workshop == NULL)
    {
      if (PW_IS_WINDOW (root))
        pw_window_add_toast (PW_WINDOW (root), pw_toast_new_plain (error->message));
      return;
    }

  if (GTK_IS_WINDOW (root))
    gtk_window_set_application (GTK_WINDOW (workshop), gtk_window_get_application (GTK_WINDOW (root)));
  gtk_window_fullscreen (GTK_WINDOW (workshop));
  gtk_window_present (GTK_WINDOW (workshop));
}

static void
pw_programme_view_constructed (GObject *object)
{
  PwProgrammeView *self = PW_PROGRAMME_VIEW (object);

  G_OBJECT_CLASS (pw_programme_view_parent_class)->constructed (object);

  g_object_bind_property (self->programme, "name",
                          self->sidebar_title, "label",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->programme, "name",
                          self->sidebar_title, "tooltip-text",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->programme, "notify::name",
                           G_CALLBACK (update_titles), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (update_titles), self,
                           G_CONNECT_SWAPPED);

  /* Each section's page is built the first time it is shown: opening a
   * programme of thousands of people costs only the section on screen. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gtk_stack_add_named (self->section_stack, adw_bin_new (), sections[i].id);
      gtk_list_box_append (self->section_list, create_section_row (&sections[i]));
    }

  pw_programme_view_show_section (self, sections[0].id);
  pw_schedule_page_attach (GTK_WIDGET (self), self->store, self->programme);

  /* On a narrow window, open on the content rather than a list of one. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
pw_programme_view_dispose (GObject *object)
{
  PwProgrammeView *self = PW_PROGRAMME_VIEW (object);

  /* AdwBin 1.2 keeps its own pointer to the child, which the template may
   * unparent: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PROGRAMME_VIEW);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_programme_view_parent_class)->dispose (object);
}

static void
pw_programme_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PwProgrammeView *self = PW_PROGRAMME_VIEW (object);

  if (!pw_section_get_property (pspec, value, self->store, self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_programme_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PwProgrammeView *self = PW_PROGRAMME_VIEW (object);

  if (!pw_section_set_property (pspec, value, &self->store, &self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_programme_view_class_init (PwProgrammeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_programme_view_constructed;
  object_class->dispose = pw_programme_view_dispose;
  object_class->get_property = pw_programme_view_get_property;
  object_class->set_property = pw_programme_view_set_property;

  properties [PROP_STORE] = pw_param_spec_store ();
  properties [PROP_PROGRAMME] = pw_param_spec_programme ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-programme-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeView, content);
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeView, content_title);
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeView, section_list);
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeView, section_stack);
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeView, programme_menu);

  gtk_widget_class_install_action (widget_class, "view.show-sections", NULL, show_sections_activated);
  gtk_widget_class_install_action (widget_class, "view.start-workshop", NULL, start_workshop_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.start-workshop", NULL);
}

static void
pw_programme_view_init (PwProgrammeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Connected here rather than in the template: gtk4-builder-tool 4.8
   * cannot validate a template that names our own callbacks. */
  g_signal_connect_object (self->section_list, "row-activated",
                           G_CALLBACK (section_activated_cb), self,
                           G_CONNECT_SWAPPED);

  pw_menu_button_set_menu_lazily (self->menu_button, self->programme_menu);
}

GtkWidget *
pw_programme_view_new (PwStore     *store,
                       PwProgramme *programme)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  return g_object_new (PW_TYPE_PROGRAMME_VIEW,
                       "store", store,
                       "programme", programme,
                       NULL);
}

PwProgramme *
pw_programme_view_get_programme (PwProgrammeView *self)
{
  g_return_val_if_fail (PW_IS_PROGRAMME_VIEW (self), NULL);

  return self->programme;
}

void
pw_programme_view_show_section (PwProgrammeView *self,
                                const char      *section)
{
  GtkWidget *child;

  g_return_if_fail (PW_IS_PROGRAMME_VIEW (self));
  g_return_if_fail (find_section (section) != NULL);

  {
    GtkWidget *bin = gtk_stack_get_child_by_name (self->section_stack, section);

    if (adw_bin_get_child (ADW_BIN (bin)) == NULL)
      adw_bin_set_child (ADW_BIN (bin), find_section (section)->create (self->store, self->programme));
  }

  gtk_stack_set_visible_child_name (self->section_stack, section);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->section_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), section) == 0)
      gtk_list_box_select_row (self->section_list, GTK_LIST_BOX_ROW (child));

  update_titles (self);
}

/**
 * pw_programme_view_focus_sections:
 *
 * Puts the keyboard focus on the current section in the sidebar, rather
 * than leaving GTK to pick the first field of the page, where a stray key
 * would overwrite the programme's name.
 */
void
pw_programme_view_focus_sections (PwProgrammeView *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (PW_IS_PROGRAMME_VIEW (self));

  row = gtk_list_box_get_selected_row (self->section_list);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/**
 * pw_programme_view_focus_name:
 *
 * Shows the setup with the programme's name selected, ready to be typed
 * over: what a new programme needs first.
 */
void
pw_programme_view_focus_name (PwProgrammeView *self)
{
  g_return_if_fail (PW_IS_PROGRAMME_VIEW (self));

  pw_programme_view_show_section (self, "setup");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  pw_setup_page_focus_name (PW_SETUP_PAGE (adw_bin_get_child (ADW_BIN (gtk_stack_get_child_by_name (self->section_stack, "setup")))));
}

/**
 * pw_programme_view_get_section_id:
 * @index: from 0
 *
 * Returns: (nullable): the id of the @index-th section in the sidebar, for
 *   pw_programme_view_show_section(), or %NULL past the last one.
 */
const char *
pw_programme_view_get_section_id (guint index)
{
  return index < G_N_ELEMENTS (sections) ? sections[index].id : NULL;
}
