/* pw-person-editor.c — one person's questionnaire, saved as it is typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows follow the questionnaire, built from the person's field table.
 * There is no Save button: each change is tried on a copy of the person
 * (pw_person_set_field validates it) and written at once; a value the
 * rules refuse marks its row with the reason and is not written, so the
 * store keeps the last valid one.
 *
 * A new person starts with their name and email only. They are created,
 * and enrolled, when both are valid and the coordinator presses Add.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-person-editor"

#include <glib/gi18n.h>

#include "pw-enums.h"
#include "pw-gui-utils.h"
#include "pw-person-editor.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-window.h"

#define MANAGER_ROW "manager"

struct _PwPersonEditor
{
  AdwWindow           parent_instance;

  PwStore            *store;
  PwProgramme        *programme;
  PwPerson           *person;        /* as last saved; NULL until created */

  GHashTable         *rows;          /* field name → the widget editing it */
  GPtrArray          *groups;        /* AdwPreferencesGroup, in order */
  GtkWidget          *remove_group;
  AdwActionRow       *manager_row;
  AdwExpanderRow     *outside_row;
  GtkMenuButton      *manager_button;
  GtkSearchEntry     *manager_search;
  GtkCustomFilter    *manager_filter;
  GtkFilterListModel *manager_model;
  char               *manager_search_text;

  guint               loading : 1;

  /* Template widgets */
  AdwHeaderBar       *header_bar;
  GtkWidget          *cancel_button;
  GtkWidget          *add_button;
  GtkLabel           *title_label;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (PwPersonEditor, pw_person_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const struct
{
  PwPersonSection  section;
  const char      *title;
  const char      *description;
} sections[] = {
  { PW_SECTION_POSITION, N_("Position"), NULL },
  { PW_SECTION_OBJECTIVES, N_("Objectives and Experiences"), NULL },
  { PW_SECTION_ABOUT, N_("About You"), NULL },
  { PW_SECTION_TOGETHER, N_("Putting It All Together"), NULL },
  { PW_SECTION_SENSITIVE, N_("Sensitive Characteristics"),
    N_("Optional. Used only where the program takes positive action or matches on them, "
       "and never exported unless asked.") },
};

static const struct
{
  PwContactForm  form;
  const char    *label;
} contact_forms[] = {
  { PW_CONTACT_IN_PERSON, N_("In person") },
  { PW_CONTACT_VIDEO, N_("Video") },
  { PW_CONTACT_PHONE, N_("Phone") },
  { PW_CONTACT_EMAIL, N_("Email") },
};

/* Free text answers get a few lines to write in; the rest are one line. */
static gboolean
field_is_long (PwPersonFieldId field)
{
  const PwPersonFieldInfo *info = &pw_person_fields[field];

  if (info->kind != PW_FIELD_TEXT || info->sensitive || field == PW_PERSON_FIELD_TIME_AVAILABLE)
    return FALSE;

  return info->section != PW_SECTION_POSITION || field == PW_PERSON_FIELD_RESPONSIBILITIES;
}

static const char *
role_label (PwRole role)
{
  switch (role)
    {
    case PW_ROLE_MENTOR:
      return _("Mentor");
    case PW_ROLE_MENTEE:
      return _("Mentee");
    case PW_ROLE_EITHER:
    default:
      return _("Mentor or mentee");
    }
}

static void
update_title (PwPersonEditor *self)
{
  const char *name = self->person != NULL ? pw_person_get_name (self->person) : NULL;

  gtk_label_set_text (self->title_label, name != NULL ? name : _("New Person"));
  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : _("New Person"));
}

static GtkWidget *
row_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL ? row : widget;
}

static void
show_error (GtkWidget  *widget,
            const char *message)
{
  pw_widget_show_error (row_of (widget), message);

  if (GTK_IS_SPIN_BUTTON (widget))
    {
      if (message != NULL)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
    }
}

/* Writes @copy, the person with one change made. */
static gboolean
commit (PwPersonEditor *self,
        PwPerson       *copy,
        GtkWidget      *widget)
{
  g_autoptr(GError) error = NULL;

  if (!pw_person_repo_update (self->store, copy, &error))
    {
      show_error (widget, error->message);
      return FALSE;
    }

  show_error (widget, NULL);
  g_set_object (&self->person, copy);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERSON]);

  return TRUE;
}

static gboolean
save_field (PwPersonEditor *self,
            const char     *field,
            const char     *value,
            GtkWidget      *widget)
{
  g_autoptr(PwPerson) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->person == NULL)
    return FALSE;

  copy = pw_person_copy (self->person);
  if (!pw_person_set_field (copy, field, value, &error))
    {
      show_error (widget, error->message);
      return FALSE;
    }

  return commit (self, copy, widget);
}

/* New person: name and email first */

static gboolean
check_new_field (PwPersonEditor *self,
                 const char     *field)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, field);
  g_autoptr(PwPerson) probe = pw_person_new ("-", "someone@example.com");
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (!pw_person_set_field (probe, field, text, &error))
    {
      /* Say nothing about a field not yet typed in. */
      pw_widget_show_error (row, text[0] != '\0' ? error->message : NULL);
      return FALSE;
    }

  pw_widget_show_error (row, NULL);
  return TRUE;
}

static void
update_add_enabled (PwPersonEditor *self)
{
  gboolean name_ok = check_new_field (self, "name");
  gboolean email_ok = check_new_field (self, "email");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add", name_ok && email_ok);
}

static void load (PwPersonEditor *self);

static void
set_mode (PwPersonEditor *self)
{
  gboolean adding = self->person == NULL;
  GHashTableIter iter;
  gpointer key, value;

  gtk_widget_set_visible (self->cancel_button, adding);
  gtk_widget_set_visible (self->add_button, adding);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, !adding);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, !adding);

  /* Adding shows the first group with its name and email rows alone. */
  adw_preferences_group_set_description (self->groups->pdata[0],
                                         adding ? _("Start with their name and work email. The rest of "
                                                    "the questionnaire opens once they are added.")
                                                : NULL);
  for (guint i = 1; i < self->groups->len; i++)
    gtk_widget_set_visible (self->groups->pdata[i], !adding);
  gtk_widget_set_visible (self->remove_group, !adding);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *widget = value;

      if (g_str_equal (key, "name") || g_str_equal (key, "email"))
        continue;
      if (pw_person_field_index (key) >= 0 &&
          pw_person_fields[pw_person_field_index (key)].section != PW_SECTION_POSITION)
        continue;

      /* Free text sits in a box with its label. */
      if (GTK_IS_TEXT_VIEW (widget))
        widget = gtk_widget_get_parent (widget);
      gtk_widget_set_visible (row_of (widget), !adding);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->outside_row), !adding);

  if (adding)
    update_add_enabled (self);
  else
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add", FALSE);

  update_title (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwPersonEditor *self = PW_PERSON_EDITOR (widget);
  GtkWidget *email_row = g_hash_table_lookup (self->rows, "email");
  const char *name = gtk_editable_get_text (g_hash_table_lookup (self->rows, "name"));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (email_row));
  gint64 programme_id = pw_programme_get_id (self->programme);
  g_autoptr(PwPerson) person = NULL;
  g_autoptr(PwPerson) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = NULL;

  if (self->person != NULL)
    return;

  update_add_enabled (self);
  if (!gtk_widget_is_sensitive (self->add_button))
    return;

  trimmed = g_strstrip (g_strdup (email));
  existing = pw_person_repo_find_by_email (self->store, trimmed, NULL);

  /* Someone already in the directory joins the program as they are. */
  if (existing != NULL)
    {
      if (pw_person_repo_is_enrolled (self->store, programme_id, pw_person_get_id (existing)))
        {
          pw_widget_show_error (email_row, _("Someone in this program already has this email address."));
          return;
        }

      if (!pw_person_repo_enrol (self->store, programme_id, pw_person_get_id (existing), &error))
        {
          pw_widget_show_error (email_row, error->message);
          return;
        }

      person = g_steal_pointer (&existing);
    }
  else
    {
      person = pw_person_new (name, trimmed);

      if (!pw_store_begin (self->store, &error) ||
          !pw_person_repo_insert (self->store, person, &error) ||
          !pw_person_repo_enrol (self->store, programme_id, pw_person_get_id (person), &error) ||
          !pw_store_commit (self->store, &error))
        {
          if (pw_store_in_transaction (self->store))
            pw_store_rollback (self->store);
          pw_widget_show_error (email_row, error->message);
          return;
        }

      pw_store_emit_changed (self->store, "person");
      pw_store_emit_changed (self->store, "enrolment");
    }

  g_set_object (&self->person, person);
  load (self);
  set_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERSON]);
}

/* Change handlers */

static void
entry_changed_cb (PwPersonEditor *self,
                  GtkEditable    *editable)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "pw-field");

  if (self->loading)
    return;

  if (self->person == NULL)
    {
      update_add_enabled (self);
      return;
    }

  save_field (self, field, gtk_editable_get_text (editable), GTK_WIDGET (editable));
}

static void
entry_activated_cb (PwPersonEditor *self)
{
  if (self->person == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "editor.add", NULL);
}

static void
text_changed_cb (PwPersonEditor *self,
                 GtkTextBuffer  *buffer)
{
  const char *field = g_object_get_data (G_OBJECT (buffer), "pw-field");
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "pw-view");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  save_field (self, field, text, view);
}

static void
spin_changed_cb (PwPersonEditor *self,
                 GtkSpinButton  *spin)
{
  const char *field = g_object_get_data (G_OBJECT (spin), "pw-field");
  g_autofree char *text = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  save_field (self, field, text, GTK_WIDGET (spin));
}

static void
role_selected_cb (PwPersonEditor *self,
                  GParamSpec     *pspec,
                  AdwComboRow    *row)
{
  static const char * const nicks[] = { "either", "mentor", "mentee" };
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (nicks))
    save_field (self, "role-wanted", nicks[selected], GTK_WIDGET (row));
}

static void
grade_selected_cb (PwPersonEditor *self,
                   GParamSpec     *pspec,
                   AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);
  GListModel *model = adw_combo_row_get_model (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  /* The first item is "No grade". */
  save_field (self, "grade",
              selected == 0 ? "" : gtk_string_list_get_string (GTK_STRING_LIST (model), selected),
              GTK_WIDGET (row));
}

static void
chips_toggled_cb (PwPersonEditor *self,
                  GParamSpec     *pspec,
                  GtkToggleButton *toggle)
{
  GtkWidget *flow = gtk_widget_get_ancestor (GTK_WIDGET (toggle), GTK_TYPE_FLOW_BOX);
  const char *field = g_object_get_data (G_OBJECT (flow), "pw-field");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  g_autofree char *joined = NULL;

  if (self->loading)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (flow);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (button), "pw-value"));
    }

  values = g_strv_builder_end (builder);
  joined = g_strjoinv (", ", values);
  save_field (self, field, joined, flow);
}

/* Manager */

static void
update_manager_row (PwPersonEditor *self)
{
  gint64 manager_id = self->person != NULL ? pw_person_get_manager_id (self->person) : 0;
  g_autofree char *subtitle = NULL;

  if (manager_id != 0)
    {
      g_autoptr(PwPerson) manager = pw_person_repo_get (self->store, manager_id, NULL);

      if (manager != NULL)
        /* Translators: a manager's name and email address */
        subtitle = g_strdup_printf (_("%s — %s"), pw_person_get_name (manager), pw_person_get_email (manager));
    }
  else if (self->person != NULL &&
           pw_person_get_text (self->person, PW_PERSON_FIELD_MANAGER_NAME)[0] != '\0')
    {
      /* Translators: the name of a manager who is not in the people directory */
      subtitle = g_strdup_printf (_("%s (outside the directory)"),
                                  pw_person_get_text (self->person, PW_PERSON_FIELD_MANAGER_NAME));
    }

  adw_action_row_set_subtitle (self->manager_row, subtitle != NULL ? subtitle : _("None"));
}

static void
set_manager (PwPersonEditor *self,
             gint64          manager_id)
{
  g_autoptr(PwPerson) copy = NULL;

  if (self->person == NULL)
    return;

  copy = pw_person_copy (self->person);
  pw_person_set_manager_id (copy, manager_id);
  if (manager_id != 0)
    {
      /* One manager: someone from the directory replaces one outside it. */
      pw_person_set_field (copy, "manager-name", "", NULL);
      pw_person_set_field (copy, "manager-email", "", NULL);
    }

  if (commit (self, copy, GTK_WIDGET (self->manager_row)))
    {
      self->loading = TRUE;
      if (manager_id != 0)
        {
          gtk_editable_set_text (g_hash_table_lookup (self->rows, "manager-name"), "");
          gtk_editable_set_text (g_hash_table_lookup (self->rows, "manager-email"), "");
        }
      self->loading = FALSE;
      update_manager_row (self);
    }
}

static void
outside_changed_cb (PwPersonEditor *self,
                    GtkEditable    *editable)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "pw-field");
  g_autoptr(PwPerson) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->person == NULL)
    return;

  copy = pw_person_copy (self->person);
  if (!pw_person_set_field (copy, field, gtk_editable_get_text (editable), &error))
    {
      show_error (GTK_WIDGET (editable), error->message);
      return;
    }

  /* A manager outside the directory replaces one in it. */
  if (pw_person_get_text (copy, PW_PERSON_FIELD_MANAGER_NAME)[0] != '\0' ||
      pw_person_get_text (copy, PW_PERSON_FIELD_MANAGER_EMAIL)[0] != '\0')
    pw_person_set_manager_id (copy, 0);

  if (commit (self, copy, GTK_WIDGET (editable)))
    update_manager_row (self);
}

static gboolean
manager_matches (gpointer item,
                 gpointer user_data)
{
  PwPersonEditor *self = user_data;
  PwPerson *person = item;

  if (self->person != NULL && pw_person_get_id (person) == pw_person_get_id (self->person))
    return FALSE;

  return self->manager_search_text == NULL ||
         strstr (pw_person_get_search_key (person), self->manager_search_text) != NULL;
}

static void
manager_search_changed_cb (PwPersonEditor *self)
{
  g_autofree char *text = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->manager_search)), -1);

  g_strstrip (text);
  g_free (self->manager_search_text);
  self->manager_search_text = text[0] != '\0' ? g_steal_pointer (&text) : NULL;
  gtk_filter_changed (GTK_FILTER (self->manager_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
manager_popover_shown_cb (PwPersonEditor *self)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  /* The directory is read when the list is wanted, not for every editor. */
  all = pw_person_repo_list_all (self->store, &error);
  if (all == NULL)
    {
      show_error (GTK_WIDGET (self->manager_row), error->message);
      return;
    }

  gtk_filter_list_model_set_model (self->manager_model, all);
  gtk_editable_set_text (GTK_EDITABLE (self->manager_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->manager_search));
}

static void
manager_activated_cb (PwPersonEditor *self,
                      guint           position)
{
  g_autoptr(PwPerson) manager = g_list_model_get_item (G_LIST_MODEL (self->manager_model), position);

  gtk_menu_button_popdown (self->manager_button);
  if (manager != NULL)
    set_manager (self, pw_person_get_id (manager));
}

static void
no_manager_clicked_cb (PwPersonEditor *self)
{
  gtk_menu_button_popdown (self->manager_button);
  set_manager (self, 0);
}

static void
setup_manager_item_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *email = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (email), 0);
  gtk_label_set_ellipsize (GTK_LABEL (email), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (email, "dim-label");
  gtk_widget_add_css_class (email, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), email);
  gtk_list_item_set_child (item, box);
}

static void
bind_manager_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  PwPerson *person = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *email = gtk_widget_get_next_sibling (name);

  gtk_label_set_text (GTK_LABEL (name), pw_person_get_name (person));
  gtk_label_set_text (GTK_LABEL (email), pw_person_get_email (person));
}

static GtkWidget *
create_manager_rows (PwPersonEditor *self,
                     GtkWidget      *group)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *popover, *box, *scrolled, *list, *none, *button;

  self->manager_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->manager_row), _("Manager"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->manager_row), FALSE);

  self->manager_filter = gtk_custom_filter_new (manager_matches, self, NULL);
  self->manager_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->manager_filter)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_manager_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_manager_item_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->manager_model)))),
                            g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People in the directory"),
                                  -1);
  g_signal_connect_object (list, "activate", G_CALLBACK (manager_activated_cb), self, G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  self->manager_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->manager_search, "placeholder-text", _("Search the directory"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->manager_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the directory"),
                                  -1);
  g_signal_connect_object (self->manager_search, "search-changed",
                           G_CALLBACK (manager_search_changed_cb), self, G_CONNECT_SWAPPED);

  none = gtk_button_new_with_mnemonic (_("_No Manager"));
  gtk_widget_add_css_class (none, "flat");
  g_signal_connect_object (none, "clicked", G_CALLBACK (no_manager_clicked_cb), self, G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->manager_search));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), none);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (manager_popover_shown_cb), self, G_CONNECT_SWAPPED);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Choose…"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a manager from the directory"));
  self->manager_button = GTK_MENU_BUTTON (button);
  adw_action_row_add_suffix (self->manager_row, button);
  adw_action_row_set_activatable_widget (self->manager_row, button);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->manager_row));
  g_hash_table_insert (self->rows, g_strdup (MANAGER_ROW), self->manager_row);

  /* Someone outside the directory: a name and an email. */
  self->outside_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outside_row), _("Manager Outside the Directory"));
  adw_expander_row_set_subtitle (self->outside_row, _("When the manager is not one of the people here"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->outside_row));

  for (guint i = 0; i < 2; i++)
    {
      const char *field = i == 0 ? "manager-name" : "manager-email";
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     i == 0 ? _("Manager’s name") : _("Manager’s email"));
      g_object_set_data (G_OBJECT (row), "pw-field", (gpointer) g_intern_string (field));
      g_signal_connect_object (row, "changed", G_CALLBACK (outside_changed_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->outside_row, row);
      g_hash_table_insert (self->rows, g_strdup (field), row);
    }

  return GTK_WIDGET (self->manager_row);
}

/* Building the rows */

static GtkWidget *
create_entry_row (PwPersonEditor  *self,
                  PwPersonFieldId  field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(pw_person_fields[field].label));
  if (field == PW_PERSON_FIELD_EMAIL)
    gtk_editable_set_enable_undo (GTK_EDITABLE (row), TRUE);
  g_object_set_data (G_OBJECT (row), "pw-field", (gpointer) pw_person_fields[field].name);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
create_text (PwPersonEditor  *self,
             PwPersonFieldId  field,
             GtkWidget      **view_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(pw_person_fields[field].label));
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_widget_set_margin_top (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_add_css_class (label, "heading");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "pw-text-card");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  g_object_set_data (G_OBJECT (buffer), "pw-field", (gpointer) pw_person_fields[field].name);
  g_object_set_data (G_OBJECT (buffer), "pw-view", view);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  *view_out = view;

  return box;
}

static GtkWidget *
create_spin_row (PwPersonEditor  *self,
                 PwPersonFieldId  field,
                 GtkWidget      **spin_out)
{
  int max = field == PW_PERSON_FIELD_CAPACITY ? PW_PERSON_CAPACITY_MAX : PW_PERSON_HOURS_MAX;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(pw_person_fields[field].label));
  if (field == PW_PERSON_FIELD_CAPACITY)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("For mentors: how many people they can mentor"));

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(pw_person_fields[field].label),
                                  -1);
  g_object_set_data (G_OBJECT (spin), "pw-field", (gpointer) pw_person_fields[field].name);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (spin_changed_cb), self, G_CONNECT_SWAPPED);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  *spin_out = spin;

  return row;
}

static GtkWidget *
create_chips_row (PwPersonEditor  *self,
                  PwPersonFieldId  field,
                  GtkWidget      **flow_out)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(pw_person_fields[field].label));
  GtkWidget *flow = gtk_flow_box_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(pw_person_fields[field].label));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 20);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (flow),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_object_set_data (G_OBJECT (flow), "pw-field", (gpointer) pw_person_fields[field].name);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), flow);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  *flow_out = flow;

  return row;
}

static void
add_chip (PwPersonEditor *self,
          GtkWidget      *flow,
          const char     *value,
          const char     *label)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);
  GtkWidget *child;

  g_object_set_data_full (G_OBJECT (button), "pw-value", g_strdup (value), g_free);
  g_signal_connect_object (button, "notify::active", G_CALLBACK (chips_toggled_cb), self, G_CONNECT_SWAPPED);

  gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
  child = gtk_widget_get_parent (button);
  gtk_widget_set_focusable (child, FALSE);
}

static GtkWidget *
create_combo_row (PwPersonEditor  *self,
                  PwPersonFieldId  field)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(pw_person_fields[field].label));

  if (field == PW_PERSON_FIELD_ROLE_WANTED)
    {
      for (PwRole role = PW_ROLE_EITHER; role <= PW_ROLE_MENTEE; role++)
        gtk_string_list_append (model, role_label (role));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (role_selected_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      g_auto(GStrv) scale = pw_grade_scale_get (self->store, NULL);

      gtk_string_list_append (model, _("No grade"));
      for (guint i = 0; scale != NULL && scale[i] != NULL; i++)
        gtk_string_list_append (model, scale[i]);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      if (scale == NULL || scale[0] == NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The organization has no grade scale yet"));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (grade_selected_cb), self, G_CONNECT_SWAPPED);
    }

  return row;
}

static void
build (PwPersonEditor *self)
{
  g_auto(GStrv) topics = pw_programme_topics_get (self->store, pw_programme_get_id (self->programme), NULL);
  gboolean sensitive = pw_programme_get_sensitive_enabled (self->programme);
  GtkWidget *button;

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      g_autoptr(GPtrArray) long_texts = g_ptr_array_new ();

      if (sections[s].section == PW_SECTION_SENSITIVE && !sensitive)
        continue;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(sections[s].title));
      if (sections[s].description != NULL)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _(sections[s].description));

      for (PwPersonFieldId f = 0; f < PW_PERSON_N_FIELDS; f++)
        {
          const PwPersonFieldInfo *info = &pw_person_fields[f];
          GtkWidget *row = NULL;
          GtkWidget *editor = NULL;

          if (info->section != sections[s].section)
            continue;

          if (f == PW_PERSON_FIELD_MANAGER_EMAIL)
            continue;
          if (f == PW_PERSON_FIELD_MANAGER_NAME)
            {
              create_manager_rows (self, group);
              continue;
            }

          if (field_is_long (f))
            {
              g_ptr_array_add (long_texts, GINT_TO_POINTER (f));
              continue;
            }

          switch (info->kind)
            {
            case PW_FIELD_TEXT:
              if (f == PW_PERSON_FIELD_GRADE)
                row = editor = create_combo_row (self, f);
              else
                row = editor = create_entry_row (self, f);
              break;

            case PW_FIELD_DATE:
              row = editor = create_entry_row (self, f);
              gtk_widget_set_tooltip_text (row, _("A date, as YYYY-MM-DD"));
              break;

            case PW_FIELD_NUMBER:
              row = create_spin_row (self, f, &editor);
              break;

            case PW_FIELD_ROLE:
              row = editor = create_combo_row (self, f);
              break;

            case PW_FIELD_CONTACT:
              row = create_chips_row (self, f, &editor);
              for (guint k = 0; k < G_N_ELEMENTS (contact_forms); k++)
                {
                  g_autoptr(GFlagsClass) klass = g_type_class_ref (PW_TYPE_CONTACT_FORM);

                  add_chip (self, editor,
                            g_flags_get_first_value (klass, contact_forms[k].form)->value_nick,
                            _(contact_forms[k].label));
                }
              break;

            case PW_FIELD_TOPICS:
              if (topics != NULL && topics[0] != NULL)
                {
                  row = create_chips_row (self, f, &editor);
                  for (guint k = 0; topics[k] != NULL; k++)
                    add_chip (self, editor, topics[k], topics[k]);
                }
              else
                {
                  row = editor = create_entry_row (self, f);
                  gtk_widget_set_tooltip_text (row, _("Topics, separated by commas"));
                }
              break;

            default:
              g_assert_not_reached ();
            }

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_hash_table_insert (self->rows, g_strdup (info->name), editor);
        }

      for (guint i = 0; i < long_texts->len; i++)
        {
          PwPersonFieldId f = GPOINTER_TO_INT (long_texts->pdata[i]);
          GtkWidget *view;

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_text (self, f, &view));
          g_hash_table_insert (self->rows, g_strdup (pw_person_fields[f].name), view);
        }

      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }

  self->remove_group = adw_preferences_group_new ();
  button = gtk_button_new_with_mnemonic (_("_Remove from Program"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.remove");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->remove_group), button);
  button = gtk_button_new_with_mnemonic (_("_Erase from Directory…"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_tooltip_text (button, _("Erase this person and their answers from every program, for good"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.erase");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->remove_group), button);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->remove_group));
}

/* Topics chips for values the programme's list lacks, so none is lost. */
static void
load_chips (PwPersonEditor *self,
            GtkWidget      *flow,
            GStrv           values)
{
  for (guint k = 0; values[k] != NULL; k++)
    {
      gboolean found = FALSE;

      for (GtkWidget *child = gtk_widget_get_first_child (flow);
           child != NULL && !found;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

          found = g_strcmp0 (g_object_get_data (G_OBJECT (button), "pw-value"), values[k]) == 0;
        }

      if (!found)
        add_chip (self, flow, values[k], values[k]);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (flow);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    g_strv_contains ((const char * const *) values,
                                                     g_object_get_data (G_OBJECT (button), "pw-value")));
    }
}

static void
load (PwPersonEditor *self)
{
  GHashTableIter iter;
  gpointer key, value;

  if (self->person == NULL)
    return;

  self->loading = TRUE;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int f = pw_person_field_index (key);
      GtkWidget *widget = value;
      g_autofree char *text = NULL;

      if (f < 0)
        continue;

      text = pw_person_get_field (self->person, key);

      if (f == PW_PERSON_FIELD_GRADE)
        {
          GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (widget));
          guint n = g_list_model_get_n_items (model);
          guint selected = 0;

          for (guint i = 1; i < n; i++)
            if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
              selected = i;
          if (selected == 0 && text[0] != '\0')
            {
              gtk_string_list_append (GTK_STRING_LIST (model), text);
              selected = n;
            }
          adw_combo_row_set_selected (ADW_COMBO_ROW (widget), selected);
        }
      else if (f == PW_PERSON_FIELD_ROLE_WANTED)
        adw_combo_row_set_selected (ADW_COMBO_ROW (widget), pw_person_get_role_wanted (self->person));
      else if (GTK_IS_TEXT_VIEW (widget))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
      else if (GTK_IS_SPIN_BUTTON (widget))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), pw_person_get_number (self->person, f));
      else if (GTK_IS_FLOW_BOX (widget))
        {
          g_auto(GStrv) values = NULL;

          if (f == PW_PERSON_FIELD_PREFERRED_CONTACT)
            {
              g_autoptr(GFlagsClass) klass = g_type_class_ref (PW_TYPE_CONTACT_FORM);
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
              int forms = pw_person_get_number (self->person, f);

              for (guint k = 0; k < klass->n_values; k++)
                if (forms & klass->values[k].value)
                  g_strv_builder_add (builder, klass->values[k].value_nick);
              values = g_strv_builder_end (builder);
            }
          else
            {
              values = g_strdupv ((GStrv) (f == PW_PERSON_FIELD_TOPICS_OFFERED
                                           ? pw_person_get_topics_offered (self->person)
                                           : pw_person_get_topics_wanted (self->person)));
              if (values == NULL)
                values = g_new0 (char *, 1);
            }

          load_chips (self, widget, values);
        }
      else if (GTK_IS_EDITABLE (widget))
        gtk_editable_set_text (GTK_EDITABLE (widget), text);
    }

  adw_expander_row_set_expanded (self->outside_row,
                                 pw_person_get_text (self->person, PW_PERSON_FIELD_MANAGER_NAME)[0] != '\0' ||
                                 pw_person_get_text (self->person, PW_PERSON_FIELD_MANAGER_EMAIL)[0] != '\0');
  update_manager_row (self);

  self->loading = FALSE;
}

/* Removing */

typedef struct
{
  PwStore *store;
  gint64   programme_id;
  gint64   person_id;
} Enrolment;

static void
enrolment_free (Enrolment *enrolment)
{
  g_clear_object (&enrolment->store);
  g_free (enrolment);
}

static void
enrolment_closure_free (gpointer  data,
                        GClosure *closure)
{
  enrolment_free (data);
}

static void
undo_remove_cb (AdwToast  *toast,
                Enrolment *enrolment)
{
  g_autoptr(GError) error = NULL;

  if (!pw_person_repo_enrol (enrolment->store, enrolment->programme_id, enrolment->person_id, &error))
    g_warning ("Cannot enrol person %" G_GINT64_FORMAT " again: %s", enrolment->person_id, error->message);
}

static void
remove_confirmed_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PwPersonEditor   *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  Enrolment *enrolment;
  AdwToast *toast;

  if (g_strcmp0 (response, "remove") != 0 || self->person == NULL)
    return;

  enrolment = g_new0 (Enrolment, 1);
  enrolment->store = g_object_ref (self->store);
  enrolment->programme_id = pw_programme_get_id (self->programme);
  enrolment->person_id = pw_person_get_id (self->person);

  if (!pw_person_repo_unenrol (self->store, enrolment->programme_id, enrolment->person_id, &error))
    {
      enrolment_free (enrolment);
      pw_widget_show_error (GTK_WIDGET (self->manager_row), error->message);
      return;
    }

  escaped = g_markup_escape_text (pw_person_get_name (self->person), -1);
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("%s removed from the program"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_cb),
                         enrolment, enrolment_closure_free, 0);

  if (PW_IS_WINDOW (parent))
    pw_window_add_toast (PW_WINDOW (parent), toast);
  else
    g_object_unref (toast);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwPersonEditor *self = PW_PERSON_EDITOR (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->person == NULL)
    return;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Remove %s?"), pw_person_get_name (self->person));
  /* Translators: %s is a program's name */
  body = g_strdup_printf (_("They leave “%s” but stay in the people directory, with their answers, "
                            "and can join again."),
                          pw_programme_get_name (self->programme));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
erase_confirmed_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PwPersonEditor   *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "erase") != 0 || self->person == NULL)
    return;

  if (!pw_person_repo_erase (self->store, pw_person_get_id (self->person), &error))
    {
      pw_widget_show_error (GTK_WIDGET (self->manager_row), error->message);
      return;
    }

  if (PW_IS_WINDOW (parent))
    {
      /* Toast titles are markup. */
      escaped = g_markup_escape_text (pw_person_get_name (self->person), -1);
      /* Translators: %s is a person's name */
      title = g_strdup_printf (_("%s erased from the directory"), escaped);
      pw_window_add_toast (PW_WINDOW (parent), adw_toast_new (title));
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
erase_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PwPersonEditor *self = PW_PERSON_EDITOR (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->person == NULL)
    return;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Erase %s?"), pw_person_get_name (self->person));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Their details and answers are removed from the directory and "
                                     "from every program, for good. The pairs they were in stay as "
                                     "anonymous history. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase for Good"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
pw_person_editor_constructed (GObject *object)
{
  PwPersonEditor *self = PW_PERSON_EDITOR (object);

  G_OBJECT_CLASS (pw_person_editor_parent_class)->constructed (object);

  g_assert (PW_IS_STORE (self->store));
  g_assert (PW_IS_PROGRAMME (self->programme));

  build (self);
  load (self);
  set_mode (self);

  if (self->person == NULL)
    gtk_widget_grab_focus (g_hash_table_lookup (self->rows, "name"));
}

static void
pw_person_editor_dispose (GObject *object)
{
  PwPersonEditor *self = PW_PERSON_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PERSON_EDITOR);

  g_clear_object (&self->manager_model);
  g_clear_object (&self->manager_filter);
  g_clear_object (&self->person);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_person_editor_parent_class)->dispose (object);
}

static void
pw_person_editor_finalize (GObject *object)
{
  PwPersonEditor *self = PW_PERSON_EDITOR (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->manager_search_text, g_free);

  G_OBJECT_CLASS (pw_person_editor_parent_class)->finalize (object);
}

static void
pw_person_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwPersonEditor *self = PW_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_person_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwPersonEditor *self = PW_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PROGRAMME:
      self->programme = g_value_dup_object (value);
      break;

    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_person_editor_class_init (PwPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_person_editor_constructed;
  object_class->dispose = pw_person_editor_dispose;
  object_class->finalize = pw_person_editor_finalize;
  object_class->get_property = pw_person_editor_get_property;
  object_class->set_property = pw_person_editor_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PW_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_PROGRAMME] =
    g_param_spec_object ("programme", NULL, NULL,
                         PW_TYPE_PROGRAMME,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* The person as last saved; a copy is made for each change. */
  properties [PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         PW_TYPE_PERSON,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PwPersonEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PwPersonEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PwPersonEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, PwPersonEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PwPersonEditor, page);

  gtk_widget_class_install_action (widget_class, "editor.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "editor.remove", NULL, remove_activated);
  gtk_widget_class_install_action (widget_class, "editor.erase", NULL, erase_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pw_person_editor_init (PwPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_ptr_array_new ();
}

/* Public API */

GtkWidget *
pw_person_editor_new (PwStore     *store,
                      PwProgramme *programme,
                      PwPerson    *person)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (person == NULL || PW_IS_PERSON (person), NULL);

  return g_object_new (PW_TYPE_PERSON_EDITOR,
                       "store", store,
                       "programme", programme,
                       "person", person,
                       NULL);
}

PwPerson *
pw_person_editor_get_person (PwPersonEditor *self)
{
  g_return_val_if_fail (PW_IS_PERSON_EDITOR (self), NULL);

  return self->person;
}

/**
 * pw_person_editor_get_row:
 * @field: a field name, or "manager"
 *
 * Returns: (transfer none) (nullable): the widget that edits @field: a
 * row, a text view or a spin button
 */
GtkWidget *
pw_person_editor_get_row (PwPersonEditor *self,
                          const char     *field)
{
  g_return_val_if_fail (PW_IS_PERSON_EDITOR (self), NULL);

  return g_hash_table_lookup (self->rows, field);
}
