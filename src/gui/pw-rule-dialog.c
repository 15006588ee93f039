/* pw-rule-dialog.c — builds one eligibility rule
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog shows only the widgets the chosen kind of rule needs: grade
 * dropdowns from the organization's scale, chips of the departments and
 * topics found in the data, a spin for months or hours, a field for
 * "answered". Add is enabled once the rule is complete.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-rule-dialog"

#include <glib/gi18n.h>

#include "pw-person-repo.h"
#include "pw-rule-dialog.h"

struct _PwRuleDialog
{
  AdwWindow       parent_instance;

  PwStore        *store;
  PwProgramme    *programme;
  GListModel     *people;
  PwRuleSet       set;
  GStrv           grades;
  GArray         *kinds;     /* PwRuleKind, in the kind row's order */

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwComboRow    *kind_row;
  AdwComboRow    *field_row;
  AdwComboRow    *op_row;
  AdwComboRow    *low_row;
  AdwComboRow    *high_row;
  AdwActionRow   *number_row;
  GtkSpinButton  *number_spin;
  AdwPreferencesGroup *values_group;
  GtkFlowBox     *chips_box;
  GtkSwitch      *any_switch;
  GtkSpinButton  *group_spin;

  const char * const *fields;  /* the field row's field names */
  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (PwRuleDialog, pw_rule_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  PwRuleOp    op;
  const char *label;
} OpChoice;

static const OpChoice grade_ops[] = {
  { PW_RULE_OP_AT_LEAST, N_("At least") },
  { PW_RULE_OP_AT_MOST, N_("At most") },
  { PW_RULE_OP_BETWEEN, N_("Between") },
};
static const OpChoice in_ops[] = {
  { PW_RULE_OP_IN, N_("Is one of") },
  { PW_RULE_OP_NOT_IN, N_("Is none of") },
};
static const OpChoice months_ops[] = {
  { PW_RULE_OP_AT_LEAST, N_("At least") },
  { PW_RULE_OP_AT_MOST, N_("At most") },
};
static const OpChoice role_ops[] = {
  { PW_RULE_OP_IN, N_("Is one of") },
};
static const OpChoice topic_ops[] = {
  { PW_RULE_OP_ANY, N_("Any of") },
  { PW_RULE_OP_ALL, N_("All of") },
};
static const OpChoice hours_ops[] = {
  { PW_RULE_OP_AT_LEAST, N_("At least") },
};
static const OpChoice given_ops[] = {
  { PW_RULE_OP_GIVEN, N_("Is answered") },
};

static const char * const answer_fields[] = {
  "responsibilities", "strengths", "development-areas", "challenges", "experiences",
  "ideal-relationship", "self-description", "three-years", "passions",
  "work-life-balance", "time-available", "reverse-meaning", NULL
};
static const char * const sensitive_fields[] = {
  "age-band", "gender", "ethnicity", "disability", "target-group", NULL
};

static const char *
kind_label (PwRuleKind kind)
{
  switch (kind)
    {
    case PW_RULE_GRADE:          return _("Grade");
    case PW_RULE_DEPARTMENT:     return _("Department");
    case PW_RULE_STAFF_GROUP:    return _("Staff group");
    case PW_RULE_ORG_MONTHS:     return _("Time with the organization");
    case PW_RULE_ROLE_MONTHS:    return _("Time in role");
    case PW_RULE_ROLE_WANTED:    return _("Role wanted");
    case PW_RULE_TOPICS_OFFERED: return _("Topics offered");
    case PW_RULE_TOPICS_WANTED:  return _("Topics wanted");
    case PW_RULE_CHARACTERISTIC: return _("Characteristic");
    case PW_RULE_HOURS:          return _("Hours available");
    case PW_RULE_ANSWERED:       return _("Questionnaire answer");
    default:                     g_return_val_if_reached (NULL);
    }
}

static PwRuleKind
current_kind (PwRuleDialog *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  if (i == GTK_INVALID_LIST_POSITION || i >= self->kinds->len)
    return PW_RULE_GRADE;

  return g_array_index (self->kinds, PwRuleKind, i);
}

static const OpChoice *
ops_for (PwRuleKind  kind,
         guint      *n)
{
#define RET(a) G_STMT_START { *n = G_N_ELEMENTS (a); return a; } G_STMT_END
  switch (kind)
    {
    case PW_RULE_GRADE:          RET (grade_ops);
    case PW_RULE_DEPARTMENT:     RET (in_ops);
    case PW_RULE_STAFF_GROUP:    RET (in_ops);
    case PW_RULE_ORG_MONTHS:
    case PW_RULE_ROLE_MONTHS:    RET (months_ops);
    case PW_RULE_ROLE_WANTED:
    case PW_RULE_CHARACTERISTIC: RET (role_ops);
    case PW_RULE_TOPICS_OFFERED:
    case PW_RULE_TOPICS_WANTED:  RET (topic_ops);
    case PW_RULE_HOURS:          RET (hours_ops);
    case PW_RULE_ANSWERED:       RET (given_ops);
    default:                     g_assert_not_reached ();
    }
#undef RET
}

static PwRuleOp
current_op (PwRuleDialog *self)
{
  guint n;
  const OpChoice *ops = ops_for (current_kind (self), &n);
  guint i = adw_combo_row_get_selected (self->op_row);

  return ops[i < n ? i : 0].op;
}

static GtkStringList *
string_list_new (const char * const *items)
{
  return gtk_string_list_new (items);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The distinct, sorted values of @field among the people, or of a topic list. */
static GStrv
values_in_data (PwRuleDialog *self,
                const char   *field)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree gpointer *keys = NULL;
  guint n_keys = 0;
  gboolean topics = g_str_has_prefix (field, "topics-");
  guint n = g_list_model_get_n_items (self->people);

  if (topics)
    {
      g_auto(GStrv) listed = pw_programme_topics_get (self->store, pw_programme_get_id (self->programme), NULL);

      for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
        g_hash_table_add (seen, g_strdup (listed[i]));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (self->people, i);

      if (topics)
        {
          const char * const *list = g_str_equal (field, "topics-offered")
                                     ? pw_person_get_topics_offered (person)
                                     : pw_person_get_topics_wanted (person);

          for (guint k = 0; list != NULL && list[k] != NULL; k++)
            if (!g_hash_table_contains (seen, list[k]))
              g_hash_table_add (seen, g_strdup (list[k]));
        }
      else
        {
          g_autofree char *value = pw_person_get_field (person, field);

          if (value != NULL && *value != '\0' && !g_hash_table_contains (seen, value))
            g_hash_table_add (seen, g_steal_pointer (&value));
        }
    }

  keys = g_hash_table_get_keys_as_array (seen, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_keys; i++)
    g_strv_builder_add (builder, keys[i]);

  return g_strv_builder_end (builder);
}

static void
update_sensitivity (PwRuleDialog *self)
{
  g_autoptr(PwRule) rule = pw_rule_dialog_get_rule (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.add", rule != NULL);
}

static void
chip_toggled_cb (PwRuleDialog *self)
{
  update_sensitivity (self);
}

static void
set_chips (PwRuleDialog       *self,
           const char * const *values,
           const char * const *labels)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_toggle_button_new_with_label (labels ? labels[i] : values[i]);

      g_object_set_data_full (G_OBJECT (chip), "pw-value", g_strdup (values[i]), g_free);
      gtk_widget_add_css_class (chip, "pill");
      gtk_widget_add_css_class (chip, "small");
      g_signal_connect_object (chip, "toggled", G_CALLBACK (chip_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->chips_box, chip);
    }
}

static GStrv
chosen_values (PwRuleDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (chip)))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (chip), "pw-value"));
    }

  return g_strv_builder_end (builder);
}

static void
update_values (PwRuleDialog *self)
{
  PwRuleKind kind = current_kind (self);
  g_auto(GStrv) values = NULL;

  switch (kind)
    {
    case PW_RULE_DEPARTMENT:
      values = values_in_data (self, "department");
      adw_preferences_group_set_title (self->values_group, _("Departments"));
      set_chips (self, (const char * const *) values, NULL);
      break;

    case PW_RULE_STAFF_GROUP:
      values = values_in_data (self, "staff-group");
      adw_preferences_group_set_title (self->values_group, _("Staff Groups"));
      set_chips (self, (const char * const *) values, NULL);
      break;

    case PW_RULE_TOPICS_OFFERED:
    case PW_RULE_TOPICS_WANTED:
      values = values_in_data (self, kind == PW_RULE_TOPICS_OFFERED ? "topics-offered" : "topics-wanted");
      adw_preferences_group_set_title (self->values_group, _("Topics"));
      set_chips (self, (const char * const *) values, NULL);
      break;

    case PW_RULE_ROLE_WANTED:
      {
        static const char * const roles[] = { "mentee", "mentor", "either", NULL };
        const char *labels[] = { _("Mentee"), _("Mentor"), _("Either"), NULL };

        adw_preferences_group_set_title (self->values_group, _("Wants to Be"));
        set_chips (self, roles, labels);
      }
      break;

    case PW_RULE_CHARACTERISTIC:
      {
        guint f = adw_combo_row_get_selected (self->field_row);

        if (self->fields != NULL && f < g_strv_length ((GStrv) self->fields))
          values = values_in_data (self, self->fields[f]);
        adw_preferences_group_set_title (self->values_group, _("Values"));
        set_chips (self, (const char * const *) values, NULL);
      }
      break;

    case PW_RULE_GRADE:
    case PW_RULE_ORG_MONTHS:
    case PW_RULE_ROLE_MONTHS:
    case PW_RULE_HOURS:
    case PW_RULE_ANSWERED:
    default:
      set_chips (self, NULL, NULL);
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->values_group),
                          gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)) != NULL);
}

static void
update_op_dependent (PwRuleDialog *self)
{
  PwRuleKind kind = current_kind (self);
  PwRuleOp op = current_op (self);
  gboolean between = kind == PW_RULE_GRADE && op == PW_RULE_OP_BETWEEN;

  gtk_widget_set_visible (GTK_WIDGET (self->high_row), between);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->low_row),
                                 between ? _("Lowest grade") : _("Grade"));
  update_sensitivity (self);
}

static void
set_fields (PwRuleDialog       *self,
            const char * const *fields)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  g_autoptr(GtkStringList) model = NULL;

  self->fields = fields;
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    g_strv_builder_add (builder, pw_person_field_label (fields[i]));
  labels = g_strv_builder_end (builder);
  model = string_list_new ((const char * const *) labels);
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (model));
}

static void
kind_changed_cb (PwRuleDialog *self)
{
  PwRuleKind kind = current_kind (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  g_autoptr(GtkStringList) model = NULL;
  const OpChoice *ops;
  guint n;

  if (self->updating)
    return;
  self->updating = TRUE;

  ops = ops_for (kind, &n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, _(ops[i].label));
  labels = g_strv_builder_end (builder);
  model = string_list_new ((const char * const *) labels);
  adw_combo_row_set_model (self->op_row, G_LIST_MODEL (model));
  gtk_widget_set_visible (GTK_WIDGET (self->op_row), n > 1);

  if (kind == PW_RULE_ANSWERED)
    set_fields (self, answer_fields);
  else if (kind == PW_RULE_CHARACTERISTIC)
    set_fields (self, sensitive_fields);
  gtk_widget_set_visible (GTK_WIDGET (self->field_row),
                          kind == PW_RULE_ANSWERED || kind == PW_RULE_CHARACTERISTIC);

  gtk_widget_set_visible (GTK_WIDGET (self->low_row), kind == PW_RULE_GRADE);
  gtk_widget_set_visible (GTK_WIDGET (self->number_row),
                          kind == PW_RULE_ORG_MONTHS || kind == PW_RULE_ROLE_MONTHS || kind == PW_RULE_HOURS);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->number_row),
                                 kind == PW_RULE_HOURS ? _("Hours a month") : _("Months"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->number_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == PW_RULE_HOURS ? _("Hours a month") : _("Months"),
                                  -1);

  update_values (self);
  self->updating = FALSE;

  update_op_dependent (self);
}

static void
field_changed_cb (PwRuleDialog *self)
{
  if (self->updating)
    return;

  if (current_kind (self) == PW_RULE_CHARACTERISTIC)
    update_values (self);
  update_sensitivity (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwRuleDialog *self = PW_RULE_DIALOG (widget);
  g_autoptr(PwRule) rule = pw_rule_dialog_get_rule (self);
  g_autoptr(GError) error = NULL;

  if (rule == NULL)
    return;

  if (!pw_eligibility_add_rule_to_store (self->store, pw_programme_get_id (self->programme), rule, &error))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Add the Rule"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pw_rule_dialog_dispose (GObject *object)
{
  PwRuleDialog *self = PW_RULE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_RULE_DIALOG);

  G_OBJECT_CLASS (pw_rule_dialog_parent_class)->dispose (object);
}

static void
pw_rule_dialog_finalize (GObject *object)
{
  PwRuleDialog *self = PW_RULE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->programme);
  g_clear_object (&self->people);
  g_clear_pointer (&self->grades, g_strfreev);
  g_clear_pointer (&self->kinds, g_array_unref);

  G_OBJECT_CLASS (pw_rule_dialog_parent_class)->finalize (object);
}

static void
pw_rule_dialog_class_init (PwRuleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_rule_dialog_dispose;
  object_class->finalize = pw_rule_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-rule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, field_row);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, op_row);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, low_row);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, high_row);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, number_spin);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, values_group);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, chips_box);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, any_switch);
  gtk_widget_class_bind_template_child (widget_class, PwRuleDialog, group_spin);

  gtk_widget_class_install_action (widget_class, "rule.add", NULL, add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "rule.add", NULL);
}

static void
pw_rule_dialog_init (PwRuleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->kinds = g_array_new (FALSE, FALSE, sizeof (PwRuleKind));
}

PwRuleDialog *
pw_rule_dialog_new (PwStore     *store,
                    PwProgramme *programme,
                    PwRuleSet    set,
                    GListModel  *people)
{
  PwRuleDialog *self;
  g_autoptr(GStrvBuilder) kinds = g_strv_builder_new ();
  g_auto(GStrv) kind_labels = NULL;
  g_autoptr(GtkStringList) kind_model = NULL;
  g_autoptr(GtkStringList) grade_model = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (people), NULL);

  self = g_object_new (PW_TYPE_RULE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);
  self->people = g_object_ref (people);
  self->set = set;
  self->grades = pw_grade_scale_get (store, NULL);
  if (self->grades == NULL)
    self->grades = g_new0 (char *, 1);

  adw_window_title_set_title (self->window_title,
                              set == PW_RULE_SET_MENTEE ? _("New Mentee Rule") : _("New Mentor Rule"));
  gtk_window_set_title (GTK_WINDOW (self),
                        set == PW_RULE_SET_MENTEE ? _("New Mentee Rule") : _("New Mentor Rule"));

  for (PwRuleKind k = PW_RULE_GRADE; k <= PW_RULE_ANSWERED; k++)
    {
      /* Characteristics only where the programme turns them on. */
      if (k == PW_RULE_CHARACTERISTIC && !pw_programme_get_sensitive_enabled (programme))
        continue;
      g_array_append_val (self->kinds, k);
      g_strv_builder_add (kinds, kind_label (k));
    }
  kind_labels = g_strv_builder_end (kinds);
  kind_model = string_list_new ((const char * const *) kind_labels);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_model));

  grade_model = string_list_new ((const char * const *) self->grades);
  adw_combo_row_set_model (self->low_row, G_LIST_MODEL (grade_model));
  adw_combo_row_set_model (self->high_row, G_LIST_MODEL (grade_model));
  if (g_strv_length (self->grades) > 0)
    adw_combo_row_set_selected (self->high_row, g_strv_length (self->grades) - 1);

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->op_row, "notify::selected", G_CALLBACK (update_op_dependent), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->field_row, "notify::selected", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->low_row, "notify::selected", G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->high_row, "notify::selected", G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);

  kind_changed_cb (self);

  return self;
}

/**
 * pw_rule_dialog_get_rule:
 *
 * Returns: (transfer full) (nullable): the rule the widgets describe, or
 *   %NULL while a value is missing
 */
PwRule *
pw_rule_dialog_get_rule (PwRuleDialog *self)
{
  g_autoptr(PwRule) rule = NULL;
  PwRuleKind kind;
  guint f;

  g_return_val_if_fail (PW_IS_RULE_DIALOG (self), NULL);

  kind = current_kind (self);
  rule = pw_rule_new (self->set, kind, current_op (self));
  rule->group = gtk_switch_get_active (self->any_switch)
                ? (guint) gtk_spin_button_get_value_as_int (self->group_spin) : 0;

  switch (kind)
    {
    case PW_RULE_GRADE:
      {
        guint lo = adw_combo_row_get_selected (self->low_row);
        guint hi = adw_combo_row_get_selected (self->high_row);
        guint n = g_strv_length (self->grades);

        if (lo >= n || (rule->op == PW_RULE_OP_BETWEEN && hi >= n))
          return NULL;
        g_strfreev (rule->values);
        if (rule->op == PW_RULE_OP_BETWEEN)
          rule->values = g_strdupv ((char *[]) { self->grades[lo], self->grades[hi], NULL });
        else
          rule->values = g_strdupv ((char *[]) { self->grades[lo], NULL });
      }
      break;

    case PW_RULE_ORG_MONTHS:
    case PW_RULE_ROLE_MONTHS:
    case PW_RULE_HOURS:
      rule->number = gtk_spin_button_get_value_as_int (self->number_spin);
      break;

    case PW_RULE_ANSWERED:
    case PW_RULE_CHARACTERISTIC:
      f = adw_combo_row_get_selected (self->field_row);
      if (self->fields == NULL || f >= g_strv_length ((GStrv) self->fields))
        return NULL;
      g_free (rule->field);
      rule->field = g_strdup (self->fields[f]);
      if (kind == PW_RULE_ANSWERED)
        break;
      G_GNUC_FALLTHROUGH;

    case PW_RULE_DEPARTMENT:
    case PW_RULE_STAFF_GROUP:
    case PW_RULE_ROLE_WANTED:
    case PW_RULE_TOPICS_OFFERED:
    case PW_RULE_TOPICS_WANTED:
    default:
      g_strfreev (rule->values);
      rule->values = chosen_values (self);
      if (rule->values[0] == NULL)
        return NULL;
      break;
    }

  return g_steal_pointer (&rule);
}
