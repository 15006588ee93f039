/* pw-eligibility.c — who may be a mentee and who a mentor, and why
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-eligibility"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pw-eligibility.h"
#include "pw-enums.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

G_DEFINE_QUARK (pw-eligibility-error-quark, pw_eligibility_error)

struct _PwEligibility
{
  GPtrArray  *rules;      /* PwRule */
  GPtrArray  *problems;   /* char * or NULL, parallel to rules */
  GHashTable *grades;     /* casefolded grade → position + 1 */
  GStrv       scale;
  GHashTable *overrides;  /* "id:set" → PwOverride */
  GPtrArray  *override_list;
  GDate      *today;
  gboolean    sensitive_enabled;
  gboolean    analysed;
};

/* Rules */

PwRule *
pw_rule_new (PwRuleSet  set,
             PwRuleKind kind,
             PwRuleOp   op)
{
  PwRule *rule = g_new0 (PwRule, 1);

  rule->set = set;
  rule->kind = kind;
  rule->op = op;
  rule->field = g_strdup ("");
  rule->values = g_new0 (char *, 1);

  return rule;
}

PwRule *
pw_rule_copy (const PwRule *rule)
{
  PwRule *copy;

  g_return_val_if_fail (rule != NULL, NULL);

  copy = g_memdup2 (rule, sizeof *rule);
  copy->field = g_strdup (rule->field);
  copy->values = g_strdupv (rule->values);

  return copy;
}

void
pw_rule_free (PwRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->field);
  g_strfreev (rule->values);
  g_free (rule);
}

static const char *
nick_of (GType type,
         int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev ? ev->value_nick : "?";
}

static gboolean
value_of (GType       type,
          const char *nick,
          int        *out)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value_by_nick (klass, nick);

  if (ev == NULL)
    return FALSE;

  *out = ev->value;
  return TRUE;
}

static const char *
set_word (PwRuleSet set)
{
  return set == PW_RULE_SET_MENTEE ? _("mentee") : _("mentor");
}

static char *
join_values (const PwRule *rule)
{
  return g_strjoinv (", ", rule->values);
}

/**
 * pw_rule_describe:
 *
 * Returns: (transfer full): the rule in plain words
 */
char *
pw_rule_describe (const PwRule *rule)
{
  g_autofree char *values = NULL;
  const char *label;

  g_return_val_if_fail (rule != NULL, NULL);

  values = join_values (rule);

  switch (rule->kind)
    {
    case PW_RULE_GRADE:
      if (rule->op == PW_RULE_OP_BETWEEN && g_strv_length (rule->values) >= 2)
        return g_strdup_printf (_("grade between %s and %s"), rule->values[0], rule->values[1]);
      return g_strdup_printf (rule->op == PW_RULE_OP_AT_MOST ? _("grade at most %s") : _("grade at least %s"),
                              rule->values[0] ? rule->values[0] : "?");
    case PW_RULE_DEPARTMENT:
      return g_strdup_printf (rule->op == PW_RULE_OP_NOT_IN ? _("department not %s") : _("department %s"),
                              values);
    case PW_RULE_STAFF_GROUP:
      return g_strdup_printf (rule->op == PW_RULE_OP_NOT_IN ? _("staff group not %s") : _("staff group %s"),
                              values);
    case PW_RULE_ORG_MONTHS:
      return g_strdup_printf (rule->op == PW_RULE_OP_AT_MOST
                              ? _("with the organization at most %d months")
                              : _("with the organization at least %d months"),
                              rule->number);
    case PW_RULE_ROLE_MONTHS:
      return g_strdup_printf (rule->op == PW_RULE_OP_AT_MOST
                              ? _("in the role at most %d months")
                              : _("in the role at least %d months"),
                              rule->number);
    case PW_RULE_ROLE_WANTED:
      return g_strdup_printf (_("wants to be %s"), values);
    case PW_RULE_TOPICS_OFFERED:
      return g_strdup_printf (rule->op == PW_RULE_OP_ALL ? _("offers all of %s") : _("offers any of %s"),
                              values);
    case PW_RULE_TOPICS_WANTED:
      return g_strdup_printf (rule->op == PW_RULE_OP_ALL ? _("wants all of %s") : _("wants any of %s"),
                              values);
    case PW_RULE_CHARACTERISTIC:
      label = pw_person_field_label (rule->field);
      return g_strdup_printf (_("%s is %s"), label ? label : rule->field, values);
    case PW_RULE_HOURS:
      return g_strdup_printf (_("at least %d hours a month available"), rule->number);
    case PW_RULE_ANSWERED:
      label = pw_person_field_label (rule->field);
      return g_strdup_printf (_("has answered “%s”"), label ? label : rule->field);
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static GStrv
split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

/**
 * pw_rule_parse:
 *
 * Reads "KIND OP VALUE…" as the CLI takes it. "grade between Band 2..Band 5"
 * gives a range.
 *
 * Returns: (transfer full): the rule, or %NULL with @error set
 */
PwRule *
pw_rule_parse (PwRuleSet    set,
               const char  *text,
               GError     **error)
{
  g_autoptr(PwRule) rule = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *stripped = NULL;
  int kind = 0;
  int op = 0;

  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  words = g_strsplit (stripped, " ", 3);
  if (words[0] == NULL || !value_of (PW_TYPE_RULE_KIND, words[0], &kind))
    {
      g_set_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_INVALID,
                   _("“%s”: a rule starts with grade, department, org-months, role-months, "
                     "role-wanted, topics-offered, topics-wanted, staff-group, characteristic, "
                     "hours or answered."),
                   text);
      return NULL;
    }

  if (kind == PW_RULE_ANSWERED)
    {
      rule = pw_rule_new (set, kind, PW_RULE_OP_GIVEN);
      rest = g_strjoinv (" ", words + 1);
      g_strstrip (rest);
      if (pw_person_field_index (rest) < 0)
        {
          g_set_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_INVALID,
                       _("“%s”: “%s” is not a questionnaire field."), text, rest);
          return NULL;
        }
      g_free (rule->field);
      rule->field = g_strdelimit (g_ascii_strdown (rest, -1), "_", '-');
      return g_steal_pointer (&rule);
    }

  if (kind == PW_RULE_CHARACTERISTIC)
    {
      /* characteristic FIELD VALUE,VALUE */
      g_auto(GStrv) parts = words[1] ? g_strsplit (stripped, " ", 3) : NULL;

      if (parts == NULL || parts[1] == NULL || parts[2] == NULL || !pw_person_field_is_sensitive (parts[1]))
        {
          g_set_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_INVALID,
                       _("“%s”: write characteristic age-band|gender|ethnicity|disability|target-group VALUE,…"),
                       text);
          return NULL;
        }
      rule = pw_rule_new (set, kind, PW_RULE_OP_IN);
      g_free (rule->field);
      rule->field = g_strdelimit (g_ascii_strdown (parts[1], -1), "_", '-');
      g_strfreev (rule->values);
      rule->values = split_list (parts[2]);
      return g_steal_pointer (&rule);
    }

  if (words[1] == NULL || !value_of (PW_TYPE_RULE_OP, words[1], &op) || words[2] == NULL)
    {
      g_set_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_INVALID,
                   _("“%s”: after the kind comes an operator (at-least, at-most, between, in, "
                     "not-in, any, all) and a value."),
                   text);
      return NULL;
    }

  rule = pw_rule_new (set, kind, op);
  rest = g_strstrip (g_strdup (words[2]));

  switch (kind)
    {
    case PW_RULE_ORG_MONTHS:
    case PW_RULE_ROLE_MONTHS:
    case PW_RULE_HOURS:
      {
        gint64 n = 0;

        if (!g_ascii_string_to_signed (rest, 10, 0, 1200, &n, NULL) ||
            (op != PW_RULE_OP_AT_LEAST && op != PW_RULE_OP_AT_MOST) ||
            (kind == PW_RULE_HOURS && op != PW_RULE_OP_AT_LEAST))
          {
            g_set_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_INVALID,
                         _("“%s”: use at-least or at-most and a whole number."), text);
            return NULL;
          }
        rule->number = (int)n;
      }
      break;

    case PW_RULE_GRADE:
      g_strfreev (rule->values);
      if (op == PW_RULE_OP_BETWEEN)
        {
          g_auto(GStrv) range = g_strsplit (rest, "..", 2);

          if (range[1] == NULL)
            {
              g_set_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_INVALID,
                           _("“%s”: write a grade range as LOW..HIGH."), text);
              rule->values = g_new0 (char *, 1);
              return NULL;
            }
          g_strstrip (range[0]);
          g_strstrip (range[1]);
          rule->values = g_strdupv (range);
        }
      else if (op == PW_RULE_OP_AT_LEAST || op == PW_RULE_OP_AT_MOST)
        rule->values = g_strdupv ((char *[]){ rest, NULL });
      else
        {
          rule->values = g_new0 (char *, 1);
          g_set_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_INVALID,
                       _("“%s”: a grade rule is at-least, at-most or between."), text);
          return NULL;
        }
      break;

    default:
      g_strfreev (rule->values);
      rule->values = split_list (rest);
      break;
    }

  return g_steal_pointer (&rule);
}

/* Evaluation */

static int
grade_position (PwEligibility *self,
                const char    *grade)
{
  g_autofree char *key = NULL;

  if (grade == NULL || grade[0] == '\0')
    return -1;

  key = g_utf8_casefold (grade, -1);
  return GPOINTER_TO_INT (g_hash_table_lookup (self->grades, key)) - 1;
}

static int
months_since (PwEligibility *self,
              const char    *iso_date)
{
  g_autoptr(GDate) date = pw_date_parse (iso_date);
  int months;

  if (date == NULL)
    return -1;

  months = (g_date_get_year (self->today) - g_date_get_year (date)) * 12 +
           ((int)g_date_get_month (self->today) - (int)g_date_get_month (date));
  if (g_date_get_day (self->today) < g_date_get_day (date))
    months--;

  return MAX (months, 0);
}

static gboolean
list_contains (const char * const *list,
               const char         *value)
{
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      /* Most names are ASCII: compare them cheaply; collate the rest. */
      if (g_ascii_strcasecmp (list[i], value) == 0)
        return TRUE;
      if (!g_str_is_ascii (list[i]) && g_utf8_collate (list[i], value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Finds what makes a rule unable to admit anyone. */
static char *
analyse_rule (PwEligibility *self,
              const PwRule  *rule)
{
  switch (rule->kind)
    {
    case PW_RULE_GRADE:
      for (guint i = 0; rule->values[i] != NULL; i++)
        if (grade_position (self, rule->values[i]) < 0)
          return g_strdup_printf (_("grade “%s” is not on the grade scale"), rule->values[i]);
      if (rule->op == PW_RULE_OP_BETWEEN &&
          grade_position (self, rule->values[0]) > grade_position (self, rule->values[1]))
        return g_strdup_printf (_("the minimum, %s, is above the maximum, %s"),
                                rule->values[0], rule->values[1]);
      if (rule->values[0] == NULL)
        return g_strdup (_("no grade given"));
      return NULL;

    case PW_RULE_CHARACTERISTIC:
      if (!self->sensitive_enabled && pw_person_field_is_sensitive (rule->field))
        return g_strdup (_("sensitive characteristics are off for this program: turn them on in Setup "
                           "to use this rule"));
      return NULL;

    case PW_RULE_DEPARTMENT:
    case PW_RULE_STAFF_GROUP:
    case PW_RULE_ROLE_WANTED:
    case PW_RULE_TOPICS_OFFERED:
    case PW_RULE_TOPICS_WANTED:
      if (rule->values[0] == NULL)
        return g_strdup (_("the rule lists nothing"));
      return NULL;

    default:
      return NULL;
    }
}

/* Rules of one set, each on its own (group 0), contradicting each other:
 * a minimum above a maximum of the same measure. */
static void
analyse_pairs (PwEligibility *self)
{
  for (guint i = 0; i < self->rules->len; i++)
    for (guint j = 0; j < self->rules->len; j++)
      {
        const PwRule *lo = g_ptr_array_index (self->rules, i);
        const PwRule *hi = g_ptr_array_index (self->rules, j);
        gboolean clash = FALSE;
        g_autofree char *lo_text = NULL;
        g_autofree char *hi_text = NULL;

        if (i == j || lo->set != hi->set || lo->kind != hi->kind || lo->group != 0 || hi->group != 0 ||
            lo->op != PW_RULE_OP_AT_LEAST || hi->op != PW_RULE_OP_AT_MOST)
          continue;

        if (lo->kind == PW_RULE_GRADE && lo->values[0] && hi->values[0])
          clash = grade_position (self, lo->values[0]) > grade_position (self, hi->values[0]);
        else if (lo->kind == PW_RULE_ORG_MONTHS || lo->kind == PW_RULE_ROLE_MONTHS)
          clash = lo->number > hi->number;

        if (!clash)
          continue;

        lo_text = pw_rule_describe (lo);
        hi_text = pw_rule_describe (hi);
        for (guint k = 0; k < 2; k++)
          {
            guint index = k == 0 ? i : j;

            if (g_ptr_array_index (self->problems, index) == NULL)
              g_ptr_array_index (self->problems, index) =
                g_strdup_printf (_("“%s” and “%s” cannot both hold"), lo_text, hi_text);
          }
      }
}

static void
analyse (PwEligibility *self)
{
  if (self->analysed)
    return;

  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < self->rules->len; i++)
    g_ptr_array_add (self->problems, analyse_rule (self, g_ptr_array_index (self->rules, i)));
  analyse_pairs (self);
  self->analysed = TRUE;
}

/* Returns NULL when @rule holds for @person, else the reason in words. */
/* Counting verdicts needs only yes or no: skip writing the words then. */
#define REASON(...)   (explain ? g_strdup_printf (__VA_ARGS__) : g_strdup (""))
#define REASON_TEXT(t) g_strdup (explain ? (t) : "")

static char *
check_rule (PwEligibility *self,
            const PwRule  *rule,
            const char    *problem,
            PwPerson      *person,
            gboolean       explain)
{
  const char *who = set_word (rule->set);

  if (problem != NULL)
    {
      g_autofree char *text = pw_rule_describe (rule);
      return REASON (_("the rule “%s” admits nobody: %s"), text, problem);
    }

  switch (rule->kind)
    {
    case PW_RULE_GRADE:
      {
        const char *grade = pw_person_get_grade (person);
        int pos = grade_position (self, grade);
        int lo = -1, hi = G_MAXINT;

        if (grade[0] == '\0')
          return REASON_TEXT (_("grade not given"));
        if (pos < 0)
          return REASON (_("grade %s is not on the grade scale"), grade);

        if (rule->op == PW_RULE_OP_AT_LEAST || rule->op == PW_RULE_OP_BETWEEN)
          lo = grade_position (self, rule->values[0]);
        if (rule->op == PW_RULE_OP_AT_MOST)
          hi = grade_position (self, rule->values[0]);
        if (rule->op == PW_RULE_OP_BETWEEN)
          hi = grade_position (self, rule->values[1]);

        if (pos < lo)
          /* Translators: grade Band 3 is below the mentee minimum, Band 6 */
          return REASON (_("grade %s is below the %s minimum, %s"),
                                  grade, who, rule->values[0]);
        if (pos > hi)
          return REASON (_("grade %s is above the %s maximum, %s"),
                                  grade, who, rule->op == PW_RULE_OP_BETWEEN ? rule->values[1] : rule->values[0]);
        return NULL;
      }

    case PW_RULE_DEPARTMENT:
      {
        const char *dept = pw_person_get_department (person);
        gboolean listed;

        if (dept[0] == '\0')
          return REASON_TEXT (_("department not given"));
        listed = list_contains ((const char * const *)rule->values, dept);
        if (rule->op == PW_RULE_OP_NOT_IN && listed)
          return REASON (_("department %s is excluded for a %s"), dept, who);
        if (rule->op != PW_RULE_OP_NOT_IN && !listed)
          {
            g_autofree char *values = join_values (rule);
            return REASON (_("department %s is not one of %s"), dept, values);
          }
        return NULL;
      }

    case PW_RULE_STAFF_GROUP:
      {
        const char *group = pw_person_get_text (person, PW_PERSON_FIELD_STAFF_GROUP);
        gboolean listed;

        if (group[0] == '\0')
          return REASON_TEXT (_("staff group not given"));
        listed = list_contains ((const char * const *)rule->values, group);
        if (rule->op == PW_RULE_OP_NOT_IN && listed)
          return REASON (_("staff group %s is excluded for a %s"), group, who);
        if (rule->op != PW_RULE_OP_NOT_IN && !listed)
          {
            g_autofree char *values = join_values (rule);
            return REASON (_("staff group %s is not one of %s"), group, values);
          }
        return NULL;
      }

    case PW_RULE_ORG_MONTHS:
    case PW_RULE_ROLE_MONTHS:
      {
        gboolean org = rule->kind == PW_RULE_ORG_MONTHS;
        int months = months_since (self, pw_person_get_text (person, org ? PW_PERSON_FIELD_ORG_START
                                                                         : PW_PERSON_FIELD_ROLE_START));

        if (months < 0)
          return REASON_TEXT (org ? _("date joined the organization not given")
                               : _("date started in the role not given"));
        if (rule->op == PW_RULE_OP_AT_LEAST && months < rule->number)
          return REASON (org ? _("%d months with the organization, fewer than the %d required")
                                      : _("%d months in the role, fewer than the %d required"),
                                  months, rule->number);
        if (rule->op == PW_RULE_OP_AT_MOST && months > rule->number)
          return REASON (org ? _("%d months with the organization, more than the %d allowed")
                                      : _("%d months in the role, more than the %d allowed"),
                                  months, rule->number);
        return NULL;
      }

    case PW_RULE_ROLE_WANTED:
      {
        static const char * const role_nicks[] = { "either", "mentor", "mentee" };
        const char *role = role_nicks[pw_person_get_role_wanted (person)];

        if (!list_contains ((const char * const *)rule->values, role))
          {
            g_autofree char *values = join_values (rule);
            return REASON (_("wants to be “%s”, not %s"), role, values);
          }
        return NULL;
      }

    case PW_RULE_TOPICS_OFFERED:
    case PW_RULE_TOPICS_WANTED:
      {
        gboolean offered = rule->kind == PW_RULE_TOPICS_OFFERED;
        const char * const *topics = offered ? pw_person_get_topics_offered (person)
                                             : pw_person_get_topics_wanted (person);
        guint found = 0;

        for (guint i = 0; rule->values[i] != NULL; i++)
          if (list_contains (topics, rule->values[i]))
            found++;
          else if (rule->op == PW_RULE_OP_ALL)
            return REASON (offered ? _("does not offer %s") : _("does not want %s"),
                                    rule->values[i]);

        if (rule->op != PW_RULE_OP_ALL && found == 0)
          {
            g_autofree char *values = join_values (rule);
            return REASON (offered ? _("offers none of %s") : _("wants none of %s"), values);
          }
        return NULL;
      }

    case PW_RULE_CHARACTERISTIC:
      {
        int field = pw_person_field_index (rule->field);
        const char *value = field >= 0 ? pw_person_get_text (person, field) : "";
        const char *label = pw_person_field_label (rule->field);

        if (value[0] == '\0')
          return REASON (_("%s not given"), label);
        if (!list_contains ((const char * const *)rule->values, value))
          return REASON (_("%s is not in the target group"), label);
        return NULL;
      }

    case PW_RULE_HOURS:
      {
        int hours = pw_person_get_hours_per_month (person);

        if (hours == 0)
          return REASON_TEXT (_("hours a month available not given"));
        if (hours < rule->number)
          return REASON (_("%d hours a month available, fewer than the %d required"),
                                  hours, rule->number);
        return NULL;
      }

    case PW_RULE_ANSWERED:
      {
        g_autofree char *value = pw_person_get_field (person, rule->field);
        g_autofree char *trimmed = value ? g_strstrip (g_strdup (value)) : g_strdup ("");

        if (trimmed[0] == '\0' || g_str_equal (trimmed, "0"))
          return REASON (_("“%s” not answered"), pw_person_field_label (rule->field));
        return NULL;
      }

    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* Evaluates one set: every group-0 rule and every any-of group must hold. */
static gboolean
evaluate_set (PwEligibility *self,
              PwRuleSet      set,
              PwPerson      *person,
              GPtrArray     *reasons)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (NULL, NULL);  /* group → passed */
  g_autoptr(GHashTable) group_reasons = g_hash_table_new_full (NULL, NULL, NULL,
                                                               (GDestroyNotify)g_ptr_array_unref);
  gboolean ok = TRUE;

  for (guint i = 0; i < self->rules->len; i++)
    {
      const PwRule *rule = g_ptr_array_index (self->rules, i);
      char *reason;

      if (rule->set != set)
        continue;

      reason = check_rule (self, rule, g_ptr_array_index (self->problems, i), person, reasons != NULL);

      if (rule->group == 0)
        {
          if (reason != NULL)
            {
              if (reasons != NULL)
                g_ptr_array_add (reasons, reason);
              else
                g_free (reason);
              ok = FALSE;
            }
          continue;
        }

      if (reason == NULL)
        g_hash_table_insert (groups, GUINT_TO_POINTER (rule->group), GINT_TO_POINTER (TRUE));
      else
        {
          GPtrArray *list = g_hash_table_lookup (group_reasons, GUINT_TO_POINTER (rule->group));

          if (!g_hash_table_contains (groups, GUINT_TO_POINTER (rule->group)))
            g_hash_table_insert (groups, GUINT_TO_POINTER (rule->group), GINT_TO_POINTER (FALSE));
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (group_reasons, GUINT_TO_POINTER (rule->group), list);
            }
          g_ptr_array_add (list, reason);
        }
    }

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, groups);
    while (g_hash_table_iter_next (&iter, &key, &value))
      if (!GPOINTER_TO_INT (value))
        {
          GPtrArray *list = g_hash_table_lookup (group_reasons, key);
          g_autoptr(GString) text = g_string_new (_("none of these holds: "));

          for (guint k = 0; k < list->len; k++)
            g_string_append_printf (text, "%s%s", k ? "; " : "", (char *)g_ptr_array_index (list, k));
          g_ptr_array_add (reasons, g_string_free (g_steal_pointer (&text), FALSE));
          ok = FALSE;
        }
  }

  return ok;
}

static void
free_override (PwOverride *o)
{
  g_free (o->justification);
  g_free (o->created);
  g_free (o);
}

PwEligibility *
pw_eligibility_new (GStrv       grade_scale,
                    gboolean    sensitive_enabled,
                    const char *today)
{
  PwEligibility *self = g_new0 (PwEligibility, 1);
  g_autofree char *now = today ? g_strdup (today) : pw_date_today ();

  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_rule_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->grades = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->override_list = g_ptr_array_new_with_free_func ((GDestroyNotify)free_override);
  self->scale = g_strdupv (grade_scale);
  self->sensitive_enabled = sensitive_enabled;
  self->today = pw_date_parse (now);
  g_assert (self->today != NULL);

  for (guint i = 0; grade_scale != NULL && grade_scale[i] != NULL; i++)
    g_hash_table_insert (self->grades, g_utf8_casefold (grade_scale[i], -1), GINT_TO_POINTER (i + 1));

  return self;
}

void
pw_eligibility_free (PwEligibility *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rules);
  g_ptr_array_unref (self->problems);
  g_hash_table_unref (self->grades);
  g_hash_table_unref (self->overrides);
  g_ptr_array_unref (self->override_list);
  g_strfreev (self->scale);
  g_date_free (self->today);
  g_free (self);
}

void
pw_eligibility_add_rule (PwEligibility *self,
                         const PwRule  *rule)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rule != NULL);

  g_ptr_array_add (self->rules, pw_rule_copy (rule));
  self->analysed = FALSE;
}

GPtrArray *
pw_eligibility_get_rules (PwEligibility *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->rules;
}

const char *
pw_eligibility_rule_problem (PwEligibility *self,
                             guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);

  analyse (self);
  return g_ptr_array_index (self->problems, index);
}

static char *
override_key (gint64    person_id,
              PwRuleSet set)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%d", person_id, set);
}

void
pw_eligibility_set_override (PwEligibility *self,
                             gint64         person_id,
                             PwRuleSet      set,
                             gboolean       eligible,
                             const char    *justification)
{
  PwOverride *o;

  g_return_if_fail (self != NULL);

  o = g_new0 (PwOverride, 1);
  o->person_id = person_id;
  o->set = set;
  o->eligible = eligible;
  o->justification = g_strdup (justification ? justification : "");
  o->created = g_strdup ("");
  g_ptr_array_add (self->override_list, o);
  g_hash_table_replace (self->overrides, override_key (person_id, set), o);
}

GPtrArray *
pw_eligibility_get_overrides (PwEligibility *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->override_list;
}

void
pw_verdict_clear (PwVerdict *verdict)
{
  g_clear_pointer (&verdict->mentee_reasons, g_ptr_array_unref);
  g_clear_pointer (&verdict->mentor_reasons, g_ptr_array_unref);
  memset (verdict, 0, sizeof *verdict);
}

static void
apply_override (PwEligibility *self,
                PwPerson      *person,
                PwRuleSet      set,
                gboolean      *final,
                gboolean      *overridden,
                GPtrArray     *reasons)
{
  g_autofree char *key = override_key (pw_person_get_id (person), set);
  PwOverride *o = g_hash_table_lookup (self->overrides, key);

  if (o == NULL)
    return;

  *overridden = TRUE;
  *final = o->eligible;
  g_ptr_array_add (reasons, g_strdup_printf (o->eligible ? _("made eligible by the coordinator: %s")
                                                         : _("made ineligible by the coordinator: %s"),
                                             o->justification));
}

/**
 * pw_eligibility_evaluate:
 * @verdict: (out caller-allocates): cleared with pw_verdict_clear()
 *
 * Decides both verdicts for @person, with the reasons in plain words.
 */
void
pw_eligibility_evaluate (PwEligibility *self,
                         PwPerson      *person,
                         PwVerdict     *verdict)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PW_IS_PERSON (person));
  g_return_if_fail (verdict != NULL);

  analyse (self);

  verdict->mentee_reasons = g_ptr_array_new_with_free_func (g_free);
  verdict->mentor_reasons = g_ptr_array_new_with_free_func (g_free);
  verdict->mentee_by_rules = evaluate_set (self, PW_RULE_SET_MENTEE, person, verdict->mentee_reasons);
  verdict->mentor_by_rules = evaluate_set (self, PW_RULE_SET_MENTOR, person, verdict->mentor_reasons);
  verdict->mentee = verdict->mentee_by_rules;
  verdict->mentor = verdict->mentor_by_rules;
  verdict->mentee_overridden = verdict->mentor_overridden = FALSE;

  apply_override (self, person, PW_RULE_SET_MENTEE, &verdict->mentee,
                  &verdict->mentee_overridden, verdict->mentee_reasons);
  apply_override (self, person, PW_RULE_SET_MENTOR, &verdict->mentor,
                  &verdict->mentor_overridden, verdict->mentor_reasons);
}

/**
 * pw_eligibility_decide:
 *
 * The verdicts alone, overrides included, without the reasons: what
 * counting and filtering thousands of people need.
 */
void
pw_eligibility_decide (PwEligibility *self,
                       PwPerson      *person,
                       gboolean      *mentee,
                       gboolean      *mentor)
{
  g_autofree char *key_mentee = NULL;
  g_autofree char *key_mentor = NULL;
  PwOverride *o;

  g_return_if_fail (self != NULL);
  g_return_if_fail (PW_IS_PERSON (person));

  analyse (self);
  *mentee = evaluate_set (self, PW_RULE_SET_MENTEE, person, NULL);
  *mentor = evaluate_set (self, PW_RULE_SET_MENTOR, person, NULL);

  if (g_hash_table_size (self->overrides) == 0)
    return;

  key_mentee = override_key (pw_person_get_id (person), PW_RULE_SET_MENTEE);
  key_mentor = override_key (pw_person_get_id (person), PW_RULE_SET_MENTOR);
  if ((o = g_hash_table_lookup (self->overrides, key_mentee)) != NULL)
    *mentee = o->eligible;
  if ((o = g_hash_table_lookup (self->overrides, key_mentor)) != NULL)
    *mentor = o->eligible;
}

void
pw_eligibility_summarise (PwEligibility        *self,
                          GListModel           *people,
                          PwEligibilitySummary *summary)
{
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (people));

  memset (summary, 0, sizeof *summary);
  n = g_list_model_get_n_items (people);
  summary->enrolled = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
      gboolean mentee, mentor;

      pw_eligibility_decide (self, person, &mentee, &mentor);
      if (mentee)
        summary->mentees++;
      if (mentor)
        {
          summary->mentors++;
          summary->mentor_capacity += pw_person_get_capacity (person);
        }
      if (mentee && mentor)
        summary->both++;
    }

  summary->mentees_unmatchable = summary->mentees > summary->mentor_capacity
                                 ? summary->mentees - summary->mentor_capacity : 0;
}

/* Storage */

static char *
strv_to_json (char **strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static GStrv
strv_from_json (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JsonNode) root = json_from_string (text, NULL);

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
      {
        const char *item = json_array_get_string_element (json_node_get_array (root), i);
        if (item != NULL)
          g_strv_builder_add (builder, item);
      }

  return g_strv_builder_end (builder);
}

/**
 * pw_eligibility_load:
 *
 * Returns: (transfer full): the programme's rules and overrides, ready to
 * evaluate its people
 */
PwEligibility *
pw_eligibility_load (PwStore  *store,
                     gint64    programme_id,
                     GError  **error)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_auto(GStrv) scale = NULL;
  PwEligibility *self;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  programme = pw_programme_repo_get (store, programme_id, error);
  if (programme == NULL)
    return NULL;
  scale = pw_grade_scale_get (store, error);
  if (scale == NULL)
    return NULL;

  self = pw_eligibility_new (scale, pw_programme_get_sensitive_enabled (programme), NULL);

  stmt = pw_store_prepare (store,
                           "SELECT id, rule_set, grp, kind, op, field, vals, number "
                           "FROM eligibility_rule WHERE programme_id = ? ORDER BY id",
                           error);
  if (stmt == NULL)
    {
      pw_eligibility_free (self);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(PwRule) rule = NULL;
      int set = 0, kind = 0, op = 0;

      if (!value_of (PW_TYPE_RULE_SET, (const char *)sqlite3_column_text (stmt, 1), &set) ||
          !value_of (PW_TYPE_RULE_KIND, (const char *)sqlite3_column_text (stmt, 3), &kind) ||
          !value_of (PW_TYPE_RULE_OP, (const char *)sqlite3_column_text (stmt, 4), &op))
        continue;  /* a kind from a newer build: not ours to judge */

      rule = pw_rule_new (set, kind, op);
      rule->id = sqlite3_column_int64 (stmt, 0);
      rule->group = sqlite3_column_int (stmt, 2);
      g_free (rule->field);
      rule->field = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      g_strfreev (rule->values);
      rule->values = strv_from_json ((const char *)sqlite3_column_text (stmt, 6));
      rule->number = sqlite3_column_int (stmt, 7);
      pw_eligibility_add_rule (self, rule);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    {
      pw_eligibility_free (self);
      return NULL;
    }

  stmt = pw_store_prepare (store,
                           "SELECT person_id, rule_set, eligible, justification, created "
                           "FROM eligibility_override WHERE programme_id = ? ORDER BY created, person_id",
                           error);
  if (stmt == NULL)
    {
      pw_eligibility_free (self);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      int set = 0;

      if (!value_of (PW_TYPE_RULE_SET, (const char *)sqlite3_column_text (stmt, 1), &set))
        continue;
      pw_eligibility_set_override (self, sqlite3_column_int64 (stmt, 0), set,
                                  sqlite3_column_int (stmt, 2) != 0,
                                  (const char *)sqlite3_column_text (stmt, 3));
      {
        PwOverride *o = g_ptr_array_index (self->override_list, self->override_list->len - 1);
        g_free (o->created);
        o->created = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      }
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    {
      pw_eligibility_free (self);
      return NULL;
    }

  return self;
}

static gboolean
write_one (PwStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  gboolean own = !pw_store_in_transaction (store);
  int rc;

  if (own && !pw_store_begin (store, error))
    return FALSE;

  rc = pw_store_step (store, stmt, error);
  sqlite3_reset (stmt);
  if (rc < 0)
    {
      if (own)
        pw_store_rollback (store);
      return FALSE;
    }

  if (own)
    {
      if (!pw_store_commit (store, error))
        return FALSE;
      pw_store_emit_changed (store, "eligibility");
    }

  return TRUE;
}

gboolean
pw_eligibility_add_rule_to_store (PwStore  *store,
                                  gint64    programme_id,
                                  PwRule   *rule,
                                  GError  **error)
{
  g_autofree char *vals = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  stmt = pw_store_prepare (store,
                           "INSERT INTO eligibility_rule "
                           "(programme_id, rule_set, grp, kind, op, field, vals, number) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  vals = strv_to_json (rule->values);
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, nick_of (PW_TYPE_RULE_SET, rule->set), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, rule->group);
  sqlite3_bind_text (stmt, 4, nick_of (PW_TYPE_RULE_KIND, rule->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, nick_of (PW_TYPE_RULE_OP, rule->op), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, rule->field ? rule->field : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, vals, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, rule->number);

  if (!write_one (store, stmt, error))
    return FALSE;

  rule->id = pw_store_last_insert_id (store);
  return TRUE;
}

gboolean
pw_eligibility_remove_rule (PwStore  *store,
                            gint64    rule_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store, "DELETE FROM eligibility_rule WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rule_id);
  if (!write_one (store, stmt, error))
    return FALSE;

  if (pw_store_changes (store) == 0)
    {
      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND,
                   _("There is no eligibility rule with ID %lld."), (long long)rule_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * pw_eligibility_apply_reverse_preset:
 *
 * The reverse-mentoring preset: mentors at most @mentor_max_grade, mentees
 * at least @mentee_min_grade, replacing any grade rules the sets had.
 */
gboolean
pw_eligibility_apply_reverse_preset (PwStore     *store,
                                     gint64       programme_id,
                                     const char  *mentor_max_grade,
                                     const char  *mentee_min_grade,
                                     GError     **error)
{
  g_autoptr(PwRule) mentor = pw_rule_new (PW_RULE_SET_MENTOR, PW_RULE_GRADE, PW_RULE_OP_AT_MOST);
  g_autoptr(PwRule) mentee = pw_rule_new (PW_RULE_SET_MENTEE, PW_RULE_GRADE, PW_RULE_OP_AT_LEAST);
  sqlite3_stmt *stmt;
  gboolean own;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (mentor_max_grade != NULL && mentee_min_grade != NULL, FALSE);

  if (pw_grade_scale_position (store, mentor_max_grade) < 0 ||
      pw_grade_scale_position (store, mentee_min_grade) < 0)
    {
      g_set_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_INVALID,
                   _("Grade “%s” is not on the grade scale: choose one of its grades."),
                   pw_grade_scale_position (store, mentor_max_grade) < 0 ? mentor_max_grade : mentee_min_grade);
      return FALSE;
    }

  g_strfreev (mentor->values);
  mentor->values = g_strdupv ((char *[]){ (char *)mentor_max_grade, NULL });
  g_strfreev (mentee->values);
  mentee->values = g_strdupv ((char *[]){ (char *)mentee_min_grade, NULL });

  own = !pw_store_in_transaction (store);
  if (own && !pw_store_begin (store, error))
    return FALSE;

  stmt = pw_store_prepare (store,
                           "DELETE FROM eligibility_rule WHERE programme_id = ? AND kind = 'grade' AND grp = 0",
                           error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, programme_id);

  if (!write_one (store, stmt, error) ||
      !pw_eligibility_add_rule_to_store (store, programme_id, mentor, error) ||
      !pw_eligibility_add_rule_to_store (store, programme_id, mentee, error))
    goto fail;

  if (own)
    {
      if (!pw_store_commit (store, error))
        return FALSE;
      pw_store_emit_changed (store, "eligibility");
    }

  return TRUE;

fail:
  if (own)
    pw_store_rollback (store);
  return FALSE;
}

gboolean
pw_eligibility_override (PwStore     *store,
                         gint64       programme_id,
                         gint64       person_id,
                         PwRuleSet    set,
                         gboolean     eligible,
                         const char  *justification,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (justification ? justification : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_JUSTIFICATION_REQUIRED,
                           _("An override needs a justification: say why this verdict is changed."));
      return FALSE;
    }

  stmt = pw_store_prepare (store,
                           "INSERT INTO eligibility_override "
                           "(programme_id, person_id, rule_set, eligible, justification) "
                           "VALUES (?, ?, ?, ?, ?) "
                           "ON CONFLICT DO UPDATE SET eligible = excluded.eligible, "
                           "justification = excluded.justification, created = excluded.created",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, nick_of (PW_TYPE_RULE_SET, set), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, eligible ? 1 : 0);
  sqlite3_bind_text (stmt, 5, trimmed, -1, SQLITE_TRANSIENT);

  return write_one (store, stmt, error);
}

gboolean
pw_eligibility_clear_override (PwStore    *store,
                               gint64      programme_id,
                               gint64      person_id,
                               PwRuleSet   set,
                               GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store,
                           "DELETE FROM eligibility_override "
                           "WHERE programme_id = ? AND person_id = ? AND rule_set = ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, nick_of (PW_TYPE_RULE_SET, set), -1, SQLITE_STATIC);

  return write_one (store, stmt, error);
}
