/* pw-eligibility-page.c — the Eligibility section of a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules are written at once; the store's "changed::eligibility" then
 * reloads the rules, and the counts and the verdicts are worked out again.
 * The people list is a GtkListView over the enrolled people: a change of
 * rules re-filters it and re-binds the rows on screen, nothing more.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-eligibility-page"

#include <glib/gi18n.h>

#include "pw-eligibility-page.h"
#include "pw-gui-utils.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-rule-dialog.h"

struct _PwEligibilityPage
{
  AdwBin               parent_instance;

  PwStore             *store;
  PwProgramme         *programme;
  PwEligibility       *eligibility;
  GListModel          *people;        /* enrolled PwPerson */
  GHashTable          *people_by_id;  /* gint64 → PwPerson (borrowed from @people) */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GHashTable          *bound_items;   /* GtkListItem currently bound */
  PwEligibilitySummary summary;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *mentees_label;
  GtkLabel            *mentors_label;
  GtkLabel            *capacity_label;
  GtkLabel            *unmatchable_label;
  AdwViewStack        *view_stack;
  AdwPreferencesGroup *mentee_group;
  AdwPreferencesGroup *mentor_group;
  AdwPreferencesGroup *overrides_group;
  AdwComboRow         *seniority_row;
  AdwComboRow         *discipline_row;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  GtkStack            *people_stack;
  AdwStatusPage       *people_status;
  GtkListView         *people_view;

  GPtrArray           *group_rows;    /* rows we added to the groups */
  guint                loading : 1;
};

G_DEFINE_FINAL_TYPE (PwEligibilityPage, pw_eligibility_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void reload (PwEligibilityPage *self);

/* Helpers */

static const char *
set_nick (PwRuleSet set)
{
  return set == PW_RULE_SET_MENTEE ? "mentee" : "mentor";
}

static PwRuleSet
set_from_nick (const char *nick)
{
  return g_strcmp0 (nick, "mentor") == 0 ? PW_RULE_SET_MENTOR : PW_RULE_SET_MENTEE;
}

static void
add_toast (PwEligibilityPage *self,
           AdwToast          *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (PwEligibilityPage *self,
            const GError      *error)
{
  add_toast (self, pw_toast_new_plain (error->message));
}

static const char *
verdict_label (const PwVerdict *v)
{
  if (v->mentee && v->mentor)
    return _("Mentee or mentor");
  if (v->mentee)
    return _("Mentee");
  if (v->mentor)
    return _("Mentor");
  return _("Neither");
}

static char *
join_reasons (GPtrArray *reasons)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, g_ptr_array_index (reasons, i));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
reasons_text (const PwVerdict *v)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *mentee = join_reasons (v->mentee_reasons);
  g_autofree char *mentor = join_reasons (v->mentor_reasons);

  if (*mentee != '\0')
    /* Translators: why someone is (not) eligible as a mentee */
    g_string_append_printf (out, _("As mentee: %s"), mentee);
  if (*mentor != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: why someone is (not) eligible as a mentor */
      g_string_append_printf (out, _("As mentor: %s"), mentor);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
person_name (PwEligibilityPage *self,
             gint64             id)
{
  PwPerson *person = g_hash_table_lookup (self->people_by_id, &id);

  return person != NULL ? pw_person_get_name (person) : _("Someone no longer enrolled");
}

/* Counts */

static void
set_count (GtkLabel *label,
           guint     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_label (label, text);
}

static void
update_counts (PwEligibilityPage *self)
{
  pw_eligibility_summarise (self->eligibility, self->people, &self->summary);

  set_count (self->mentees_label, self->summary.mentees);
  set_count (self->mentors_label, self->summary.mentors);
  set_count (self->capacity_label, self->summary.mentor_capacity);
  set_count (self->unmatchable_label, self->summary.mentees_unmatchable);

  if (self->summary.mentees_unmatchable > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->unmatchable_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->unmatchable_label), "error");
}

/* Rules and overrides */

static void
clear_group_rows (PwEligibilityPage *self)
{
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->group_rows, 0);
}

static void
add_group_row (PwEligibilityPage   *self,
               AdwPreferencesGroup *group,
               GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->group_rows, row);
}

static GtkWidget *
rule_row_new (PwEligibilityPage *self,
              const PwRule      *rule,
              const char        *problem)
{
  g_autofree char *text = pw_rule_describe (rule);
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  GtkWidget *row;
  GtkWidget *button;

  /* Plain words, capitalized as a row title is. */
  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  title = g_strconcat (first, g_utf8_next_char (text), NULL);
  escaped = g_markup_escape_text (title, -1);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);

  if (problem != NULL)
    {
      g_autofree char *problem_escaped = g_markup_escape_text (problem, -1);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, problem);
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem_escaped);
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem,
                                      -1);
    }
  else if (rule->group > 0)
    {
      g_autofree char *group = g_strdup_printf (_("Any-of group %u: one rule of the group is enough"), rule->group);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), group);
    }

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove Rule"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "eligibility.remove-rule");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", rule->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* An action row lays out a title; a label as its only child centers. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);

  return row;
}

static GtkWidget *
override_row_new (PwEligibilityPage *self,
                  const PwOverride  *o)
{
  g_autofree char *name = g_markup_escape_text (person_name (self, o->person_id), -1);
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *button;

  if (o->set == PW_RULE_SET_MENTEE)
    what = g_strdup (o->eligible ? _("Made eligible as mentee") : _("Made ineligible as mentee"));
  else
    what = g_strdup (o->eligible ? _("Made eligible as mentor") : _("Made ineligible as mentor"));

  /* Translators: an override, then its justification */
  subtitle = g_markup_printf_escaped (_("%s: “%s”"), what, o->justification ? o->justification : "");

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Undo Override"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "eligibility.clear-override");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xs)", o->person_id, set_nick (o->set));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
rebuild_groups (PwEligibilityPage *self)
{
  GPtrArray *rules = pw_eligibility_get_rules (self->eligibility);
  GPtrArray *overrides = pw_eligibility_get_overrides (self->eligibility);
  guint n_mentee = 0, n_mentor = 0;

  clear_group_rows (self);

  for (guint i = 0; i < rules->len; i++)
    {
      const PwRule *rule = g_ptr_array_index (rules, i);
      const char *problem = pw_eligibility_rule_problem (self->eligibility, i);

      add_group_row (self,
                     rule->set == PW_RULE_SET_MENTEE ? self->mentee_group : self->mentor_group,
                     rule_row_new (self, rule, problem));
      if (rule->set == PW_RULE_SET_MENTEE)
        n_mentee++;
      else
        n_mentor++;
    }

  if (n_mentee == 0)
    add_group_row (self, self->mentee_group, placeholder_row_new (_("No rules: everyone enrolled may be a mentee")));
  if (n_mentor == 0)
    add_group_row (self, self->mentor_group, placeholder_row_new (_("No rules: everyone enrolled may be a mentor")));

  for (guint i = 0; i < overrides->len; i++)
    add_group_row (self, self->overrides_group, override_row_new (self, g_ptr_array_index (overrides, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->overrides_group), overrides->len > 0);
}

/* People and verdicts */

static void
bind_row (PwEligibilityPage *self,
          GtkListItem       *item)
{
  PwPerson *person = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *name = g_object_get_data (G_OBJECT (box), "pw-name");
  GtkLabel *reasons = g_object_get_data (G_OBJECT (box), "pw-reasons");
  GtkLabel *verdict = g_object_get_data (G_OBJECT (box), "pw-verdict");
  GtkMenuButton *menu_button = g_object_get_data (G_OBJECT (box), "pw-menu");
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autofree char *reason_text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *subtitle = NULL;
  gint64 id = pw_person_get_id (person);
  PwVerdict v = { 0 };

  pw_eligibility_evaluate (self->eligibility, person, &v);

  gtk_label_set_label (name, pw_person_get_name (person));
  reason_text = reasons_text (&v);
  subtitle = g_strdup_printf ("%s%s%s",
                              pw_person_get_grade (person) ? pw_person_get_grade (person) : "",
                              pw_person_get_department (person) && pw_person_get_grade (person) ? " · " : "",
                              pw_person_get_department (person) ? pw_person_get_department (person) : "");
  if (*reason_text != '\0')
    {
      g_autofree char *joined = *subtitle ? g_strdup_printf ("%s\n%s", subtitle, reason_text) : g_strdup (reason_text);
      gtk_label_set_label (reasons, joined);
    }
  else
    gtk_label_set_label (reasons, subtitle);

  gtk_label_set_label (verdict, verdict_label (&v));
  if (v.mentee || v.mentor)
    {
      gtk_widget_add_css_class (GTK_WIDGET (verdict), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (verdict), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (verdict), "success");
      gtk_widget_add_css_class (GTK_WIDGET (verdict), "dim-label");
    }

  {
    g_autoptr(GMenuItem) mi = g_menu_item_new (v.mentee ? _("Make Ineligible as Mentee…") : _("Make Eligible as Mentee…"), NULL);
    g_autoptr(GMenuItem) mo = g_menu_item_new (v.mentor ? _("Make Ineligible as Mentor…") : _("Make Eligible as Mentor…"), NULL);

    g_menu_item_set_action_and_target (mi, "eligibility.override", "(xsb)", id, "mentee", !v.mentee);
    g_menu_item_set_action_and_target (mo, "eligibility.override", "(xsb)", id, "mentor", !v.mentor);
    g_menu_append_item (menu, mi);
    g_menu_append_item (menu, mo);
  }
  if (v.mentee_overridden)
    {
      g_autoptr(GMenuItem) undo = g_menu_item_new (_("Undo Mentee Override"), NULL);
      g_menu_item_set_action_and_target (undo, "eligibility.clear-override", "(xs)", id, "mentee");
      g_menu_append_item (section, undo);
    }
  if (v.mentor_overridden)
    {
      g_autoptr(GMenuItem) undo = g_menu_item_new (_("Undo Mentor Override"), NULL);
      g_menu_item_set_action_and_target (undo, "eligibility.clear-override", "(xs)", id, "mentor");
      g_menu_append_item (section, undo);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (menu_button, G_MENU_MODEL (menu));

  /* Translators: the button that overrides a person's verdict */
  accessible = g_strdup_printf (_("Override verdict for %s"), pw_person_get_name (person));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  pw_verdict_clear (&v);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PwEligibilityPage        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *reasons = gtk_label_new (NULL);
  GtkWidget *verdict = gtk_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);

  gtk_label_set_xalign (GTK_LABEL (reasons), 0);
  gtk_label_set_wrap (GTK_LABEL (reasons), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reasons), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (reasons, "caption");
  gtk_widget_add_css_class (reasons, "dim-label");

  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), reasons);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  gtk_widget_set_name (verdict, "verdict");
  gtk_widget_set_valign (verdict, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (verdict, "caption-heading");

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("Override Verdict"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), verdict);
  gtk_box_append (GTK_BOX (box), menu_button);

  g_object_set_data (G_OBJECT (box), "pw-name", name);
  g_object_set_data (G_OBJECT (box), "pw-reasons", reasons);
  g_object_set_data (G_OBJECT (box), "pw-verdict", verdict);
  g_object_set_data (G_OBJECT (box), "pw-menu", menu_button);

  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PwEligibilityPage        *self)
{
  g_hash_table_add (self->bound_items, item);
  bind_row (self, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PwEligibilityPage        *self)
{
  g_hash_table_remove (self->bound_items, item);
}

static gboolean
filter_person (gpointer item,
               gpointer user_data)
{
  PwEligibilityPage *self = user_data;
  PwPerson *person = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  PwVerdictFilter which = gtk_drop_down_get_selected (self->filter_dropdown);
  gboolean keep;
  PwVerdict v = { 0 };

  if (search != NULL && *search != '\0')
    {
      g_autofree char *folded = g_utf8_casefold (search, -1);

      if (strstr (pw_person_get_search_key (person), folded) == NULL)
        return FALSE;
    }

  if (which == PW_VERDICT_FILTER_ALL || self->eligibility == NULL)
    return TRUE;

  pw_eligibility_evaluate (self->eligibility, person, &v);
  switch (which)
    {
    case PW_VERDICT_FILTER_MENTEES:
      keep = v.mentee;
      break;
    case PW_VERDICT_FILTER_MENTORS:
      keep = v.mentor;
      break;
    case PW_VERDICT_FILTER_NEITHER:
    default:
      keep = !v.mentee && !v.mentor;
      break;
    }
  pw_verdict_clear (&v);

  return keep;
}

static void
update_people_state (PwEligibilityPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->people_stack, "list");
      return;
    }

  if (self->people == NULL || g_list_model_get_n_items (self->people) == 0)
    {
      adw_status_page_set_title (self->people_status, _("No One Enrolled"));
      adw_status_page_set_description (self->people_status, _("Add people to the program in the People section."));
    }
  else
    {
      adw_status_page_set_title (self->people_status, _("No One Here"));
      adw_status_page_set_description (self->people_status, _("Nobody matches this search and filter."));
    }
  gtk_stack_set_visible_child_name (self->people_stack, "empty");
}

static void
filter_changed_cb (PwEligibilityPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_people_state (self);
}

static void
load_people (PwEligibilityPage *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *people;
  guint n;

  people = pw_person_repo_list_enrolled (self->store, pw_programme_get_id (self->programme), &error);
  if (people == NULL)
    {
      g_warning ("Cannot list the people of program %" G_GINT64_FORMAT ": %s",
                 pw_programme_get_id (self->programme), error->message);
      people = G_LIST_MODEL (g_list_store_new (PW_TYPE_PERSON));
    }

  g_set_object (&self->people, people);
  g_object_unref (people);

  g_hash_table_remove_all (self->people_by_id);
  n = g_list_model_get_n_items (self->people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (self->people, i);
      gint64 *id = g_new (gint64, 1);

      *id = pw_person_get_id (person);
      g_hash_table_insert (self->people_by_id, id, person);
    }

  gtk_filter_list_model_set_model (self->filter_model, self->people);
}

static void
reload (PwEligibilityPage *self)
{
  g_autoptr(GError) error = NULL;
  PwEligibility *eligibility;
  GHashTableIter iter;
  gpointer item;

  eligibility = pw_eligibility_load (self->store, pw_programme_get_id (self->programme), &error);
  if (eligibility == NULL)
    {
      g_warning ("Cannot load the eligibility rules: %s", error->message);
      return;
    }
  g_clear_pointer (&self->eligibility, pw_eligibility_free);
  self->eligibility = eligibility;

  rebuild_groups (self);
  update_counts (self);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Rows kept on screen show the new verdicts. */
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    bind_row (self, item);

  update_people_state (self);
}

static void
store_changed_cb (PwEligibilityPage *self,
                  const char        *table,
                  PwStore           *store)
{
  if (g_str_equal (table, "person") || g_str_equal (table, "enrolment"))
    {
      load_people (self);
      reload (self);
    }
  else if (g_str_equal (table, "eligibility") || g_str_equal (table, "grade"))
    reload (self);
}

/* Pair rules */

static void
load_pair_rules (PwEligibilityPage *self)
{
  self->loading = TRUE;
  adw_combo_row_set_selected (self->seniority_row, pw_programme_get_pair_seniority (self->programme));
  adw_combo_row_set_selected (self->discipline_row, pw_programme_get_pair_discipline (self->programme));
  self->loading = FALSE;
}

static void
save_programme (PwEligibilityPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!pw_programme_repo_update (self->store, self->programme, &error))
    show_error (self, error);
}

static void
seniority_selected_cb (PwEligibilityPage *self)
{
  guint selected = adw_combo_row_get_selected (self->seniority_row);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) pw_programme_get_pair_seniority (self->programme))
    return;

  pw_programme_set_pair_seniority (self->programme, (PwPairSeniority) selected);
  save_programme (self);
}

static void
discipline_selected_cb (PwEligibilityPage *self)
{
  guint selected = adw_combo_row_get_selected (self->discipline_row);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) pw_programme_get_pair_discipline (self->programme))
    return;

  pw_programme_set_pair_discipline (self->programme, (PwPairDiscipline) selected);
  save_programme (self);
}

/* Actions */

static void
add_rule_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwEligibilityPage *self = PW_ELIGIBILITY_PAGE (widget);
  PwRuleDialog *dialog;

  dialog = pw_rule_dialog_new (self->store, self->programme,
                               set_from_nick (g_variant_get_string (parameter, NULL)),
                               self->people);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_remove_rule_cb (AdwToast *toast,
                     gpointer  user_data)
{
  PwEligibilityPage *self = g_object_get_data (G_OBJECT (toast), "pw-page");
  PwRule *rule = user_data;
  g_autoptr(GError) error = NULL;

  rule->id = 0;
  if (!pw_eligibility_add_rule_to_store (self->store, pw_programme_get_id (self->programme), rule, &error))
    show_error (self, error);
}

static void
remove_rule_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PwEligibilityPage *self = PW_ELIGIBILITY_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GPtrArray *rules = pw_eligibility_get_rules (self->eligibility);
  g_autoptr(GError) error = NULL;
  PwRule *copy = NULL;
  AdwToast *toast;

  for (guint i = 0; i < rules->len; i++)
    if (((PwRule *) g_ptr_array_index (rules, i))->id == id)
      copy = pw_rule_copy (g_ptr_array_index (rules, i));

  if (!pw_eligibility_remove_rule (self->store, id, &error))
    {
      g_clear_pointer (&copy, pw_rule_free);
      show_error (self, error);
      return;
    }

  toast = adw_toast_new (_("Rule removed"));
  if (copy != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data (G_OBJECT (toast), "pw-page", self);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_rule_cb),
                             copy, (GClosureNotify) (void (*) (void)) pw_rule_free, 0);
    }
  add_toast (self, toast);
}

static void
preset_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    PwEligibilityPage *self)
{
  AdwComboRow *mentor_row = g_object_get_data (G_OBJECT (dialog), "pw-mentor-row");
  AdwComboRow *mentee_row = g_object_get_data (G_OBJECT (dialog), "pw-mentee-row");
  GtkStringList *grades = GTK_STRING_LIST (adw_combo_row_get_model (mentor_row));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "apply"))
    return;

  if (!pw_eligibility_apply_reverse_preset (self->store, pw_programme_get_id (self->programme),
                                            gtk_string_list_get_string (grades, adw_combo_row_get_selected (mentor_row)),
                                            gtk_string_list_get_string (grades, adw_combo_row_get_selected (mentee_row)),
                                            &error))
    show_error (self, error);
}

static void
reverse_preset_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PwEligibilityPage *self = PW_ELIGIBILITY_PAGE (widget);
  g_auto(GStrv) grades = pw_grade_scale_get (self->store, NULL);
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *mentor_row;
  GtkWidget *mentee_row;
  guint n = grades ? g_strv_length (grades) : 0;

  if (n == 0)
    {
      add_toast (self, adw_toast_new (_("Set the organization’s grades first, in People")));
      return;
    }

  model = gtk_string_list_new ((const char * const *) grades);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Reverse Mentoring Preset"),
                                   _("Juniors mentor seniors. The preset replaces the grade rules of both sets."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  mentor_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (mentor_row), _("Mentors at most"));
  adw_combo_row_set_model (ADW_COMBO_ROW (mentor_row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (mentor_row), (n - 1) / 3);
  gtk_list_box_append (GTK_LIST_BOX (list), mentor_row);

  mentee_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (mentee_row), _("Mentees at least"));
  adw_combo_row_set_model (ADW_COMBO_ROW (mentee_row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (mentee_row), 2 * (n - 1) / 3);
  gtk_list_box_append (GTK_LIST_BOX (list), mentee_row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "pw-mentor-row", mentor_row);
  g_object_set_data (G_OBJECT (dialog), "pw-mentee-row", mentee_row);
  g_signal_connect_object (dialog, "response", G_CALLBACK (preset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
justification_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "override", *text != '\0');
}

static void
justification_activated_cb (GtkEntry         *entry,
                            AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "override"))
    {
      adw_message_dialog_response (dialog, "override");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
override_response_cb (AdwMessageDialog  *dialog,
                      const char        *response,
                      PwEligibilityPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "pw-entry");
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pw-person"));
  PwRuleSet set = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "pw-set"));
  gboolean eligible = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "pw-eligible"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "override"))
    return;

  if (!pw_eligibility_override (self->store, pw_programme_get_id (self->programme), person_id, set, eligible,
                                gtk_editable_get_text (entry), &error))
    show_error (self, error);
}

static void
override_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwEligibilityPage *self = PW_ELIGIBILITY_PAGE (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *nick;
  const char *name;
  gint64 person_id;
  gboolean eligible;
  PwRuleSet set;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_variant_get (parameter, "(x&sb)", &person_id, &nick, &eligible);
  set = set_from_nick (nick);
  name = person_name (self, person_id);

  if (set == PW_RULE_SET_MENTEE)
    heading = g_strdup (eligible ? _("Make Eligible as Mentee?") : _("Make Ineligible as Mentee?"));
  else
    heading = g_strdup (eligible ? _("Make Eligible as Mentor?") : _("Make Ineligible as Mentor?"));

  body = g_strdup_printf (eligible
                          ? _("%s will be eligible whatever the rules say. Write down why: the justification is kept with the override.")
                          : _("%s will be ineligible whatever the rules say. Write down why: the justification is kept with the override."),
                          name);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Justification"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Justification"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "override", eligible ? _("Make _Eligible") : _("Make _Ineligible"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "override",
                                              eligible ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "override", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "pw-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "pw-person", GSIZE_TO_POINTER ((gsize) person_id));
  g_object_set_data (G_OBJECT (dialog), "pw-set", GINT_TO_POINTER (set));
  g_object_set_data (G_OBJECT (dialog), "pw-eligible", GINT_TO_POINTER (eligible));

  g_signal_connect_object (entry, "changed", G_CALLBACK (justification_changed_cb), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (justification_activated_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (override_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
clear_override_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PwEligibilityPage *self = PW_ELIGIBILITY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *nick;
  gint64 person_id;

  g_variant_get (parameter, "(x&s)", &person_id, &nick);

  if (!pw_eligibility_clear_override (self->store, pw_programme_get_id (self->programme),
                                      person_id, set_from_nick (nick), &error))
    show_error (self, error);
  else
    add_toast (self, adw_toast_new (_("Override undone: the rules decide again")));
}

static void
pw_eligibility_page_constructed (GObject *object)
{
  PwEligibilityPage *self = PW_ELIGIBILITY_PAGE (object);

  G_OBJECT_CLASS (pw_eligibility_page_parent_class)->constructed (object);

  g_assert (PW_IS_STORE (self->store));
  g_assert (PW_IS_PROGRAMME (self->programme));

  load_pair_rules (self);
  g_signal_connect_object (self->seniority_row, "notify::selected",
                           G_CALLBACK (seniority_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->discipline_row, "notify::selected",
                           G_CALLBACK (discipline_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->programme, "notify::pair-seniority",
                           G_CALLBACK (load_pair_rules), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->programme, "notify::pair-discipline",
                           G_CALLBACK (load_pair_rules), self, G_CONNECT_SWAPPED);
  /* Characteristic rules hold only while the programme turns them on. */
  g_signal_connect_object (self->programme, "notify::sensitive-enabled",
                           G_CALLBACK (reload), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  load_people (self);
  reload (self);
}

static void
pw_eligibility_page_dispose (GObject *object)
{
  PwEligibilityPage *self = PW_ELIGIBILITY_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_ELIGIBILITY_PAGE);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->people_by_id, g_hash_table_unref);
  g_clear_object (&self->people);
  g_clear_pointer (&self->eligibility, pw_eligibility_free);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_eligibility_page_parent_class)->dispose (object);
}

static void
pw_eligibility_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PwEligibilityPage *self = PW_ELIGIBILITY_PAGE (object);

  if (!pw_section_get_property (pspec, value, self->store, self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_eligibility_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PwEligibilityPage *self = PW_ELIGIBILITY_PAGE (object);

  if (!pw_section_set_property (pspec, value, &self->store, &self->programme))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_eligibility_page_class_init (PwEligibilityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_eligibility_page_constructed;
  object_class->dispose = pw_eligibility_page_dispose;
  object_class->get_property = pw_eligibility_page_get_property;
  object_class->set_property = pw_eligibility_page_set_property;

  properties [PROP_STORE] = pw_param_spec_store ();
  properties [PROP_PROGRAMME] = pw_param_spec_programme ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-eligibility-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, mentees_label);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, mentors_label);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, capacity_label);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, unmatchable_label);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, mentee_group);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, mentor_group);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, overrides_group);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, seniority_row);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, discipline_row);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, people_stack);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, people_status);
  gtk_widget_class_bind_template_child (widget_class, PwEligibilityPage, people_view);

  gtk_widget_class_install_action (widget_class, "eligibility.add-rule", "s", add_rule_activated);
  gtk_widget_class_install_action (widget_class, "eligibility.remove-rule", "x", remove_rule_activated);
  gtk_widget_class_install_action (widget_class, "eligibility.reverse-preset", NULL, reverse_preset_activated);
  gtk_widget_class_install_action (widget_class, "eligibility.override", "(xsb)", override_activated);
  gtk_widget_class_install_action (widget_class, "eligibility.clear-override", "(xs)", clear_override_activated);
}

static void
pw_eligibility_page_init (PwEligibilityPage *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_rows = g_ptr_array_new ();
  self->bound_items = g_hash_table_new (NULL, NULL);
  self->people_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->filter = gtk_custom_filter_new (filter_person, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->people_view, factory);
  gtk_list_view_set_model (self->people_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pw_eligibility_page_new (PwStore     *store,
                         PwProgramme *programme)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  return g_object_new (PW_TYPE_ELIGIBILITY_PAGE,
                       "store", store,
                       "programme", programme,
                       NULL);
}

GListModel *
pw_eligibility_page_get_people (PwEligibilityPage *self)
{
  g_return_val_if_fail (PW_IS_ELIGIBILITY_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

void
pw_eligibility_page_get_summary (PwEligibilityPage    *self,
                                 PwEligibilitySummary *summary)
{
  g_return_if_fail (PW_IS_ELIGIBILITY_PAGE (self));
  g_return_if_fail (summary != NULL);

  *summary = self->summary;
}

/**
 * pw_eligibility_page_describe_verdict:
 *
 * Returns: (transfer full): "Mentor — As mentee: grade Band 4 is below…",
 *   the verdict and its reasons as the person's row shows them
 */
char *
pw_eligibility_page_describe_verdict (PwEligibilityPage *self,
                                      PwPerson          *person)
{
  g_autofree char *reasons = NULL;
  char *text;
  PwVerdict v = { 0 };

  g_return_val_if_fail (PW_IS_ELIGIBILITY_PAGE (self), NULL);
  g_return_val_if_fail (PW_IS_PERSON (person), NULL);

  pw_eligibility_evaluate (self->eligibility, person, &v);
  reasons = reasons_text (&v);
  text = g_strdup_printf ("%s — %s", verdict_label (&v), reasons);
  pw_verdict_clear (&v);

  return text;
}
