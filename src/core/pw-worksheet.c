/* pw-worksheet.c — GROW, SWOT, SAND and force-field worksheets, with history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A force is a small record that only lives in a worksheet, so it shares
 * this file. Each saved version is one row holding the content as JSON:
 * the forms differ by kind, and a version is only ever read whole.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-worksheet"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pw-record-private.h"
#include "pw-workspace-private.h"
#include "pw-worksheet.h"

#define MAX_FIELDS 4

struct _PwForce
{
  GObject  parent_instance;

  char    *description;
  int      strength;
};

struct _PwWorksheet
{
  GObject          parent_instance;

  gint64           pair_id;
  PwWorksheetKind  kind;
  int              version;
  char            *saved;
  char            *values[MAX_FIELDS];
  GListStore      *forces[2];    /* PwForceDirection → PwForce */
  int              totals[2];
};

G_DEFINE_FINAL_TYPE (PwForce, pw_force, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (PwWorksheet, pw_worksheet, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PwWorksheetKind, pw_worksheet_kind,
                    G_DEFINE_ENUM_VALUE (PW_WORKSHEET_GROW, "grow"),
                    G_DEFINE_ENUM_VALUE (PW_WORKSHEET_SWOT, "swot"),
                    G_DEFINE_ENUM_VALUE (PW_WORKSHEET_SAND, "sand"),
                    G_DEFINE_ENUM_VALUE (PW_WORKSHEET_FORCE_FIELD, "force-field"))

G_DEFINE_ENUM_TYPE (PwForceDirection, pw_force_direction,
                    G_DEFINE_ENUM_VALUE (PW_FORCE_FOR, "for"),
                    G_DEFINE_ENUM_VALUE (PW_FORCE_AGAINST, "against"))

enum {
  FORCE_PROP_0,
  FORCE_PROP_DESCRIPTION,
  FORCE_PROP_STRENGTH,
  FORCE_N_PROPS
};

static GParamSpec *force_properties [FORCE_N_PROPS];

enum {
  PROP_0,
  PROP_PAIR_ID,
  PROP_KIND,
  PROP_VERSION,
  PROP_SAVED,
  PROP_TOTAL_FOR,
  PROP_TOTAL_AGAINST,
  PROP_BALANCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  FIELD_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  const char *name;
  const char *label;
  const char *prompt;
} FieldInfo;

static const FieldInfo grow_info[] = {
  { "goal", N_("Goal"), N_("What do you want to achieve?") },
  { "reality", N_("Reality"), N_("Where are you now, and what is happening?") },
  { "options", N_("Options"), N_("What could you do? What else?") },
  { "will", N_("Will"), N_("What will you do, and by when?") },
  { NULL }
};

static const FieldInfo swot_info[] = {
  { "strengths", N_("Strengths"), N_("What do you do well?") },
  { "weaknesses", N_("Weaknesses"), N_("What could you do better?") },
  { "opportunities", N_("Opportunities"), N_("What openings could you use?") },
  { "threats", N_("Threats"), N_("What could get in the way?") },
  { NULL }
};

static const FieldInfo sand_info[] = {
  { "strengths", N_("Strengths"), N_("What are you good at?") },
  { "achievements", N_("Achievements"), N_("What have you achieved that you are proud of?") },
  { "needs", N_("Needs"), N_("What do you need to develop?") },
  { "demands", N_("Demands"), N_("What does your role ask of you, now and next?") },
  { NULL }
};

static const FieldInfo force_field_info[] = {
  { "change", N_("The change"), N_("What change are you weighing up?") },
  { "actions", N_("Actions"), N_("What will you do to strengthen the forces for it and weaken those against?") },
  { NULL }
};

static const FieldInfo * const kind_info[] = {
  [PW_WORKSHEET_GROW] = grow_info,
  [PW_WORKSHEET_SWOT] = swot_info,
  [PW_WORKSHEET_SAND] = sand_info,
  [PW_WORKSHEET_FORCE_FIELD] = force_field_info,
};

static const char * const grow_fields[] = { "goal", "reality", "options", "will", NULL };
static const char * const swot_fields[] = { "strengths", "weaknesses", "opportunities", "threats", NULL };
static const char * const sand_fields[] = { "strengths", "achievements", "needs", "demands", NULL };
static const char * const force_field_fields[] = { "change", "actions", NULL };

static const char * const * const kind_fields[] = {
  [PW_WORKSHEET_GROW] = grow_fields,
  [PW_WORKSHEET_SWOT] = swot_fields,
  [PW_WORKSHEET_SAND] = sand_fields,
  [PW_WORKSHEET_FORCE_FIELD] = force_field_fields,
};

static const char * const direction_names[] = { "for", "against" };

static const char *
str (const char *s)
{
  return s ? s : "";
}

static int
field_index (PwWorksheetKind  kind,
             const char      *field)
{
  const char * const *fields = kind_fields[kind];

  for (int i = 0; fields[i] != NULL; i++)
    if (g_str_equal (fields[i], field))
      return i;

  return -1;
}

/* The force */

static void
pw_force_finalize (GObject *object)
{
  PwForce *self = (PwForce *)object;

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pw_force_parent_class)->finalize (object);
}

static void
pw_force_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PwForce *self = PW_FORCE (object);

  switch (prop_id)
    {
    case FORCE_PROP_DESCRIPTION:
      pw_record_get_field (pspec, &self->description, value);
      break;
    case FORCE_PROP_STRENGTH:
      pw_record_get_field (pspec, &self->strength, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_force_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PwForce *self = PW_FORCE (object);

  switch (prop_id)
    {
    case FORCE_PROP_DESCRIPTION:
      pw_record_set_field (object, pspec, &self->description, value);
      break;
    case FORCE_PROP_STRENGTH:
      pw_record_set_field (object, pspec, &self->strength, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
#define CO (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

static void
pw_force_class_init (PwForceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_force_finalize;
  object_class->get_property = pw_force_get_property;
  object_class->set_property = pw_force_set_property;

  force_properties [FORCE_PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Force"), NULL, "", RW);
  force_properties [FORCE_PROP_STRENGTH] =
    g_param_spec_int ("strength", N_("Strength"), NULL,
                      PW_FORCE_STRENGTH_MIN, PW_FORCE_STRENGTH_MAX, 3, RW);

  g_object_class_install_properties (object_class, FORCE_N_PROPS, force_properties);
}

static void
pw_force_init (PwForce *self)
{
  self->strength = 3;
}

/* The worksheet */

static void
set_total (PwWorksheet      *self,
           PwForceDirection  direction,
           int               total)
{
  int old_balance = self->totals[PW_FORCE_FOR] - self->totals[PW_FORCE_AGAINST];

  if (self->totals[direction] == total)
    return;

  self->totals[direction] = total;
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[direction == PW_FORCE_FOR ? PROP_TOTAL_FOR : PROP_TOTAL_AGAINST]);
  if (old_balance != self->totals[PW_FORCE_FOR] - self->totals[PW_FORCE_AGAINST])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE]);
}

static void
recount (PwWorksheet      *self,
         PwForceDirection  direction)
{
  GListModel *model = G_LIST_MODEL (self->forces[direction]);
  int total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PwForce) force = g_list_model_get_item (model, i);
      total += force->strength;
    }

  set_total (self, direction, total);
}

static void
force_strength_changed_cb (PwForce     *force,
                           GParamSpec  *pspec,
                           PwWorksheet *self)
{
  recount (self, PW_FORCE_FOR);
  recount (self, PW_FORCE_AGAINST);
}

static void
forces_changed_cb (GListModel  *model,
                   guint        position,
                   guint        removed,
                   guint        added,
                   PwWorksheet *self)
{
  PwForceDirection direction = model == G_LIST_MODEL (self->forces[PW_FORCE_FOR])
                               ? PW_FORCE_FOR : PW_FORCE_AGAINST;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PwForce) force = g_list_model_get_item (model, i);

      /* Disconnected when the worksheet goes (dispose) or the force does. */
      g_signal_handlers_disconnect_by_func (force, force_strength_changed_cb, self);
      g_signal_connect_object (force, "notify::strength",
                               G_CALLBACK (force_strength_changed_cb), self, 0);
    }

  recount (self, direction);
}

static void
pw_worksheet_dispose (GObject *object)
{
  PwWorksheet *self = (PwWorksheet *)object;

  for (guint d = 0; d < 2; d++)
    if (self->forces[d] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->forces[d], self);
        g_clear_object (&self->forces[d]);
      }

  G_OBJECT_CLASS (pw_worksheet_parent_class)->dispose (object);
}

static void
pw_worksheet_finalize (GObject *object)
{
  PwWorksheet *self = (PwWorksheet *)object;

  for (guint i = 0; i < MAX_FIELDS; i++)
    g_clear_pointer (&self->values[i], g_free);
  g_clear_pointer (&self->saved, g_free);

  G_OBJECT_CLASS (pw_worksheet_parent_class)->finalize (object);
}

static void
pw_worksheet_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PwWorksheet *self = PW_WORKSHEET (object);

  switch (prop_id)
    {
    case PROP_PAIR_ID:
      g_value_set_int64 (value, self->pair_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;
    case PROP_SAVED:
      g_value_set_string (value, str (self->saved));
      break;
    case PROP_TOTAL_FOR:
      g_value_set_int (value, self->totals[PW_FORCE_FOR]);
      break;
    case PROP_TOTAL_AGAINST:
      g_value_set_int (value, self->totals[PW_FORCE_AGAINST]);
      break;
    case PROP_BALANCE:
      g_value_set_int (value, pw_worksheet_get_balance (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_worksheet_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PwWorksheet *self = PW_WORKSHEET (object);

  switch (prop_id)
    {
    case PROP_PAIR_ID:
      self->pair_id = g_value_get_int64 (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_worksheet_class_init (PwWorksheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_worksheet_dispose;
  object_class->finalize = pw_worksheet_finalize;
  object_class->get_property = pw_worksheet_get_property;
  object_class->set_property = pw_worksheet_set_property;

  properties [PROP_PAIR_ID] = g_param_spec_int64 ("pair-id", "Pair", NULL, 0, G_MAXINT64, 0, CO);
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", N_("Worksheet"), NULL,
                       PW_TYPE_WORKSHEET_KIND, PW_WORKSHEET_GROW, CO);
  properties [PROP_VERSION] = g_param_spec_int ("version", N_("Version"), NULL, 0, G_MAXINT, 0, RO);
  properties [PROP_SAVED] = g_param_spec_string ("saved", N_("Saved"), NULL, "", RO);
  properties [PROP_TOTAL_FOR] =
    g_param_spec_int ("total-for", N_("Total for"), NULL, 0, G_MAXINT, 0, RO);
  properties [PROP_TOTAL_AGAINST] =
    g_param_spec_int ("total-against", N_("Total against"), NULL, 0, G_MAXINT, 0, RO);
  properties [PROP_BALANCE] =
    g_param_spec_int ("balance", N_("Balance"), NULL, G_MININT, G_MAXINT, 0, RO);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PwWorksheet::field-changed:
   * @field: the field's name
   *
   * A text field changed; detailed by the field's name.
   */
  signals [FIELD_CHANGED] =
    g_signal_new ("field-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
pw_worksheet_init (PwWorksheet *self)
{
  for (guint d = 0; d < 2; d++)
    {
      self->forces[d] = g_list_store_new (PW_TYPE_FORCE);
      g_signal_connect (self->forces[d], "items-changed", G_CALLBACK (forces_changed_cb), self);
    }
}

/* Public API: the force */

PwForce *
pw_force_new (const char *description,
              int         strength)
{
  g_return_val_if_fail (strength >= PW_FORCE_STRENGTH_MIN && strength <= PW_FORCE_STRENGTH_MAX, NULL);

  return g_object_new (PW_TYPE_FORCE, "description", description, "strength", strength, NULL);
}

const char *
pw_force_get_description (PwForce *self)
{
  g_return_val_if_fail (PW_IS_FORCE (self), NULL);
  return str (self->description);
}

void
pw_force_set_description (PwForce    *self,
                          const char *description)
{
  g_return_if_fail (PW_IS_FORCE (self));
  g_object_set (self, "description", description, NULL);
}

int
pw_force_get_strength (PwForce *self)
{
  g_return_val_if_fail (PW_IS_FORCE (self), 0);
  return self->strength;
}

void
pw_force_set_strength (PwForce *self,
                       int      strength)
{
  g_return_if_fail (PW_IS_FORCE (self));
  g_return_if_fail (strength >= PW_FORCE_STRENGTH_MIN && strength <= PW_FORCE_STRENGTH_MAX);
  g_object_set (self, "strength", strength, NULL);
}

/* Public API: kinds */

const char *
pw_worksheet_kind_to_string (PwWorksheetKind kind)
{
  static const char * const names[] = { "grow", "swot", "sand", "force-field" };

  g_return_val_if_fail (kind <= PW_WORKSHEET_FORCE_FIELD, NULL);
  return names[kind];
}

gboolean
pw_worksheet_kind_from_string (const char      *text,
                               PwWorksheetKind *out)
{
  for (PwWorksheetKind k = PW_WORKSHEET_GROW; k <= PW_WORKSHEET_FORCE_FIELD; k++)
    if (g_strcmp0 (text, pw_worksheet_kind_to_string (k)) == 0)
      {
        *out = k;
        return TRUE;
      }

  return FALSE;
}

const char *
pw_worksheet_kind_label (PwWorksheetKind kind)
{
  switch (kind)
    {
    case PW_WORKSHEET_GROW:        return _("GROW: Goal, Reality, Options, Will");
    case PW_WORKSHEET_SWOT:        return _("SWOT: Strengths, Weaknesses, Opportunities, Threats");
    case PW_WORKSHEET_SAND:        return _("SAND: Strengths, Achievements, Needs, Demands");
    case PW_WORKSHEET_FORCE_FIELD: return _("Force-field analysis");
    default:                       g_return_val_if_reached (NULL);
    }
}

const char * const *
pw_worksheet_kind_get_fields (PwWorksheetKind kind)
{
  g_return_val_if_fail (kind <= PW_WORKSHEET_FORCE_FIELD, NULL);
  return kind_fields[kind];
}

static const FieldInfo *
field_info (PwWorksheetKind  kind,
            const char      *field)
{
  int i;

  g_return_val_if_fail (kind <= PW_WORKSHEET_FORCE_FIELD, NULL);
  i = field_index (kind, field);
  g_return_val_if_fail (i >= 0, NULL);
  return &kind_info[kind][i];
}

const char *
pw_worksheet_field_label (PwWorksheetKind  kind,
                          const char      *field)
{
  const FieldInfo *info = field_info (kind, field);

  return info ? _(info->label) : NULL;
}

const char *
pw_worksheet_field_prompt (PwWorksheetKind  kind,
                           const char      *field)
{
  const FieldInfo *info = field_info (kind, field);

  return info ? _(info->prompt) : NULL;
}

/* Public API: the worksheet */

PwWorksheet *
pw_worksheet_new (gint64          pair_id,
                  PwWorksheetKind kind)
{
  g_return_val_if_fail (kind <= PW_WORKSHEET_FORCE_FIELD, NULL);

  return g_object_new (PW_TYPE_WORKSHEET, "pair-id", pair_id, "kind", kind, NULL);
}

gint64
pw_worksheet_get_pair_id (PwWorksheet *self)
{
  g_return_val_if_fail (PW_IS_WORKSHEET (self), 0);
  return self->pair_id;
}

PwWorksheetKind
pw_worksheet_get_kind (PwWorksheet *self)
{
  g_return_val_if_fail (PW_IS_WORKSHEET (self), PW_WORKSHEET_GROW);
  return self->kind;
}

int
pw_worksheet_get_version (PwWorksheet *self)
{
  g_return_val_if_fail (PW_IS_WORKSHEET (self), 0);
  return self->version;
}

const char *
pw_worksheet_get_saved (PwWorksheet *self)
{
  g_return_val_if_fail (PW_IS_WORKSHEET (self), NULL);
  return str (self->saved);
}

gboolean
pw_worksheet_has_field (PwWorksheet *self,
                        const char  *field)
{
  g_return_val_if_fail (PW_IS_WORKSHEET (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return field_index (self->kind, field) >= 0;
}

const char *
pw_worksheet_get_field (PwWorksheet *self,
                        const char  *field)
{
  int i;

  g_return_val_if_fail (PW_IS_WORKSHEET (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  i = field_index (self->kind, field);
  g_return_val_if_fail (i >= 0, NULL);

  return str (self->values[i]);
}

void
pw_worksheet_set_field (PwWorksheet *self,
                        const char  *field,
                        const char  *value)
{
  int i;

  g_return_if_fail (PW_IS_WORKSHEET (self));
  g_return_if_fail (field != NULL);

  i = field_index (self->kind, field);
  g_return_if_fail (i >= 0);

  if (g_strcmp0 (str (self->values[i]), str (value)) == 0)
    return;

  g_free (self->values[i]);
  self->values[i] = g_strdup (str (value));
  g_signal_emit (self, signals[FIELD_CHANGED], g_quark_from_string (field), field);
}

GListModel *
pw_worksheet_get_forces (PwWorksheet      *self,
                         PwForceDirection  direction)
{
  g_return_val_if_fail (PW_IS_WORKSHEET (self), NULL);
  g_return_val_if_fail (direction <= PW_FORCE_AGAINST, NULL);

  return G_LIST_MODEL (self->forces[direction]);
}

PwForce *
pw_worksheet_add_force (PwWorksheet      *self,
                        PwForceDirection  direction,
                        const char       *description,
                        int               strength)
{
  g_autoptr(PwForce) force = NULL;

  g_return_val_if_fail (PW_IS_WORKSHEET (self), NULL);
  g_return_val_if_fail (self->kind == PW_WORKSHEET_FORCE_FIELD, NULL);
  g_return_val_if_fail (direction <= PW_FORCE_AGAINST, NULL);
  g_return_val_if_fail (strength >= PW_FORCE_STRENGTH_MIN && strength <= PW_FORCE_STRENGTH_MAX, NULL);

  force = pw_force_new (description, strength);
  g_list_store_append (self->forces[direction], force);
  return force;
}

void
pw_worksheet_remove_force (PwWorksheet      *self,
                           PwForceDirection  direction,
                           guint             position)
{
  g_autoptr(PwForce) force = NULL;

  g_return_if_fail (PW_IS_WORKSHEET (self));
  g_return_if_fail (direction <= PW_FORCE_AGAINST);

  force = g_list_model_get_item (G_LIST_MODEL (self->forces[direction]), position);
  g_return_if_fail (force != NULL);

  g_signal_handlers_disconnect_by_func (force, force_strength_changed_cb, self);
  g_list_store_remove (self->forces[direction], position);
}

int
pw_worksheet_get_total (PwWorksheet      *self,
                        PwForceDirection  direction)
{
  g_return_val_if_fail (PW_IS_WORKSHEET (self), 0);
  g_return_val_if_fail (direction <= PW_FORCE_AGAINST, 0);

  return self->totals[direction];
}

int
pw_worksheet_get_balance (PwWorksheet *self)
{
  g_return_val_if_fail (PW_IS_WORKSHEET (self), 0);

  return self->totals[PW_FORCE_FOR] - self->totals[PW_FORCE_AGAINST];
}

JsonNode *
pw_worksheet_content_to_json (PwWorksheet *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *fields;

  g_return_val_if_fail (PW_IS_WORKSHEET (self), NULL);

  fields = kind_fields[self->kind];
  json_builder_begin_object (builder);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, fields[i]);
      json_builder_add_string_value (builder, str (self->values[i]));
    }

  if (self->kind == PW_WORKSHEET_FORCE_FIELD)
    for (guint d = 0; d < 2; d++)
      {
        GListModel *model = G_LIST_MODEL (self->forces[d]);

        json_builder_set_member_name (builder, direction_names[d]);
        json_builder_begin_array (builder);
        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          {
            g_autoptr(PwForce) force = g_list_model_get_item (model, i);

            json_builder_begin_object (builder);
            json_builder_set_member_name (builder, "description");
            json_builder_add_string_value (builder, str (force->description));
            json_builder_set_member_name (builder, "strength");
            json_builder_add_int_value (builder, force->strength);
            json_builder_end_object (builder);
          }
        json_builder_end_array (builder);
      }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
content_invalid (GError    **error,
                 const char *where,
                 const char *what)
{
  g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID, "%s: %s", where, what);
  return FALSE;
}

/* Fills @self (fresh) from content JSON; every problem names @where. */
static gboolean
content_from_json (PwWorksheet  *self,
                   JsonNode     *node,
                   const char   *where,
                   GError      **error)
{
  const char * const *fields = kind_fields[self->kind];
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return content_invalid (error, where, _("expected an object."));

  object = json_node_get_object (node);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      JsonNode *member = json_object_get_member (object, fields[i]);

      if (member == NULL)
        continue;
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_autofree char *at = g_strdup_printf ("%s.%s", where, fields[i]);
          return content_invalid (error, at, _("expected text in quotes."));
        }
      pw_worksheet_set_field (self, fields[i], json_node_get_string (member));
    }

  if (self->kind != PW_WORKSHEET_FORCE_FIELD)
    return TRUE;

  for (guint d = 0; d < 2; d++)
    {
      JsonNode *member = json_object_get_member (object, direction_names[d]);
      JsonArray *array;

      if (member == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (member))
        {
          g_autofree char *at = g_strdup_printf ("%s.%s", where, direction_names[d]);
          return content_invalid (error, at, _("expected a list of forces."));
        }

      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *at = g_strdup_printf ("%s.%s[%u]", where, direction_names[d], i);
          JsonObject *force;
          const char *description;
          gint64 strength;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            return content_invalid (error, at, _("expected an object with a description and a strength."));
          force = json_node_get_object (element);
          if (!pw_json_int (force, "strength", 0, &strength) ||
              strength < PW_FORCE_STRENGTH_MIN || strength > PW_FORCE_STRENGTH_MAX)
            return content_invalid (error, at, _("the strength must be a number from 1 to 5."));
          description = pw_json_string (force, "description", "");
          if (description == NULL)
            return content_invalid (error, at, _("the description must be text in quotes."));
          pw_worksheet_add_force (self, d, description, (int)strength);
        }
    }

  return TRUE;
}

char *
pw_worksheet_to_text (PwWorksheet *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *fields;

  g_return_val_if_fail (PW_IS_WORKSHEET (self), NULL);

  fields = kind_fields[self->kind];
  g_string_append (out, pw_worksheet_kind_label (self->kind));
  if (self->version > 0)
    g_string_append_printf (out, _(" — version %d, saved %s"), self->version, str (self->saved));
  g_string_append (out, "\n\n");

  for (guint i = 0; fields[i] != NULL; i++)
    g_string_append_printf (out, "%s\n  %s\n", pw_worksheet_field_label (self->kind, fields[i]),
                            self->values[i] && self->values[i][0] ? self->values[i] : _("(not filled in)"));

  if (self->kind == PW_WORKSHEET_FORCE_FIELD)
    {
      for (guint d = 0; d < 2; d++)
        {
          GListModel *model = G_LIST_MODEL (self->forces[d]);

          g_string_append_printf (out, "%s\n", d == PW_FORCE_FOR ? _("Forces for") : _("Forces against"));
          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(PwForce) force = g_list_model_get_item (model, i);
              g_string_append_printf (out, "  %d  %s\n", force->strength, str (force->description));
            }
        }
      g_string_append_printf (out, _("Total for %d, against %d: balance %+d\n"),
                              self->totals[PW_FORCE_FOR], self->totals[PW_FORCE_AGAINST],
                              pw_worksheet_get_balance (self));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Storage */

static char *
content_string (PwWorksheet *self)
{
  g_autoptr(JsonNode) node = pw_worksheet_content_to_json (self);

  return json_to_string (node, FALSE);
}

static void
set_version (PwWorksheet *self,
             int          version,
             const char  *saved)
{
  if (self->version != version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
  if (g_strcmp0 (str (self->saved), str (saved)) != 0)
    {
      g_free (self->saved);
      self->saved = g_strdup (str (saved));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
    }
}

static PwWorksheet *
worksheet_from_row (sqlite3_stmt     *stmt,
                    gint64            pair_id,
                    PwWorksheetKind   kind,
                    GError          **error)
{
  g_autoptr(PwWorksheet) self = pw_worksheet_new (pair_id, kind);
  g_autoptr(JsonNode) content = NULL;
  g_autoptr(GError) local = NULL;
  int version = sqlite3_column_int (stmt, 0);

  content = json_from_string ((const char *)sqlite3_column_text (stmt, 2), &local);
  if (content == NULL)
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("Version %d of the %s worksheet of pair %lld is damaged (%s)."),
                   version, pw_worksheet_kind_to_string (kind), (long long)pair_id, local->message);
      return NULL;
    }

  if (!content_from_json (self, content, "content", error))
    return NULL;

  set_version (self, version, (const char *)sqlite3_column_text (stmt, 1));
  return g_steal_pointer (&self);
}

PwWorksheet *
pw_worksheet_load (PwStore          *store,
                   gint64            pair_id,
                   PwWorksheetKind   kind,
                   int               version,
                   GError          **error)
{
  g_autoptr(PwWorksheet) self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= PW_WORKSHEET_FORCE_FIELD, NULL);
  g_return_val_if_fail (version >= 0, NULL);

  if (!pw_workspace_check_pair (store, pair_id, NULL, error))
    return NULL;

  stmt = pw_store_prepare (store,
                           "SELECT version, saved, content FROM worksheet "
                           "WHERE pair_id = ?1 AND kind = ?2 AND (?3 = 0 OR version = ?3) "
                           "ORDER BY version DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pair_id);
  sqlite3_bind_text (stmt, 2, pw_worksheet_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, version);

  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    self = worksheet_from_row (stmt, pair_id, kind, error);
  sqlite3_reset (stmt);

  if (rc < 0 || (rc == SQLITE_ROW && self == NULL))
    return NULL;

  if (rc == SQLITE_DONE)
    {
      if (version != 0)
        {
          g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NOT_FOUND,
                       _("Pair %lld has no version %d of the %s worksheet. List the saved "
                         "versions to choose from."),
                       (long long)pair_id, version, pw_worksheet_kind_to_string (kind));
          return NULL;
        }
      self = pw_worksheet_new (pair_id, kind);
    }

  return g_steal_pointer (&self);
}

/* Inserts one version; @saved NULL means now. */
static gboolean
insert_version (PwStore          *store,
                gint64            pair_id,
                PwWorksheetKind   kind,
                int               version,
                const char       *saved,
                const char       *content,
                GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = pw_store_prepare (store,
                           "INSERT INTO worksheet (pair_id, kind, version, saved, content) "
                           "VALUES (?1, ?2, ?3, coalesce (?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pair_id);
  sqlite3_bind_text (stmt, 2, pw_worksheet_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, version);
  if (saved != NULL)
    sqlite3_bind_text (stmt, 4, saved, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, content, -1, SQLITE_TRANSIENT);

  return pw_record_exec (store, stmt, "worksheet", error);
}

gboolean
pw_worksheet_save (PwStore      *store,
                   PwWorksheet  *self,
                   GError      **error)
{
  g_autofree char *content = NULL;
  g_autofree char *latest_content = NULL;
  g_autofree char *latest_saved = NULL;
  gboolean own = FALSE;
  sqlite3_stmt *stmt;
  int latest = 0;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_WORKSHEET (self), FALSE);

  if (!pw_workspace_check_pair (store, self->pair_id, NULL, error))
    return FALSE;

  content = content_string (self);

  /* Reading the latest and writing the next belong together. */
  own = !pw_store_in_transaction (store);
  if (own && !pw_store_begin (store, error))
    return FALSE;

  stmt = pw_store_prepare (store,
                           "SELECT version, saved, content FROM worksheet WHERE pair_id = ? AND kind = ? "
                           "ORDER BY version DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, self->pair_id);
  sqlite3_bind_text (stmt, 2, pw_worksheet_kind_to_string (self->kind), -1, SQLITE_STATIC);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    {
      latest = sqlite3_column_int (stmt, 0);
      latest_saved = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      latest_content = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    goto fail;

  if (latest_content != NULL && g_str_equal (latest_content, content))
    {
      if (own)
        pw_store_rollback (store);
      set_version (self, latest, latest_saved);
      return TRUE;
    }

  if (!insert_version (store, self->pair_id, self->kind, latest + 1, NULL, content, error))
    goto fail;

  stmt = pw_store_prepare (store, "SELECT saved FROM worksheet WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, pw_store_last_insert_id (store));
  rc = pw_store_step (store, stmt, error);
  g_clear_pointer (&latest_saved, g_free);
  if (rc == SQLITE_ROW)
    latest_saved = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc < 0)
    goto fail;

  if (own)
    {
      if (!pw_store_commit (store, error))
        return FALSE;
      pw_store_emit_changed (store, "worksheet");
    }

  set_version (self, latest + 1, latest_saved);
  return TRUE;

fail:
  if (own)
    pw_store_rollback (store);
  return FALSE;
}

GListModel *
pw_worksheet_list_versions (PwStore          *store,
                            gint64            pair_id,
                            PwWorksheetKind   kind,
                            GError          **error)
{
  g_autoptr(GListStore) versions = g_list_store_new (PW_TYPE_WORKSHEET);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= PW_WORKSHEET_FORCE_FIELD, NULL);

  stmt = pw_store_prepare (store,
                           "SELECT version, saved, content FROM worksheet WHERE pair_id = ? AND kind = ? "
                           "ORDER BY version DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pair_id);
  sqlite3_bind_text (stmt, 2, pw_worksheet_kind_to_string (kind), -1, SQLITE_STATIC);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(PwWorksheet) version = worksheet_from_row (stmt, pair_id, kind, error);

      if (version == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_list_store_append (versions, version);
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&versions));
}

gboolean
pw_worksheets_write_json (PwStore      *store,
                          gint64        pair_id,
                          JsonBuilder  *builder,
                          GError      **error)
{
  gboolean any = FALSE;

  for (PwWorksheetKind kind = PW_WORKSHEET_GROW; kind <= PW_WORKSHEET_FORCE_FIELD; kind++)
    {
      g_autoptr(GListModel) versions = pw_worksheet_list_versions (store, pair_id, kind, error);
      guint n;

      if (versions == NULL)
        return FALSE;

      n = g_list_model_get_n_items (versions);
      if (n == 0)
        continue;

      if (!any)
        {
          json_builder_set_member_name (builder, "worksheets");
          json_builder_begin_array (builder);
          any = TRUE;
        }

      /* Oldest first, so an import rebuilds the history in order. */
      for (guint i = n; i-- > 0;)
        {
          g_autoptr(PwWorksheet) version = g_list_model_get_item (versions, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, pw_worksheet_kind_to_string (kind));
          json_builder_set_member_name (builder, "version");
          json_builder_add_int_value (builder, version->version);
          json_builder_set_member_name (builder, "saved");
          json_builder_add_string_value (builder, str (version->saved));
          json_builder_set_member_name (builder, "content");
          json_builder_add_value (builder, pw_worksheet_content_to_json (version));
          json_builder_end_object (builder);
        }
    }

  if (any)
    json_builder_end_array (builder);
  return TRUE;
}

gboolean
pw_worksheets_read_json (PwStore      *store,
                         gint64        pair_id,
                         JsonNode     *node,
                         const char   *where,
                         GError      **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return content_invalid (error, where, _("expected a list."));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *at = g_strdup_printf ("%s[%u]", where, i);
      g_autofree char *content_at = g_strdup_printf ("%s.content", at);
      g_autofree char *content = NULL;
      g_autoptr(PwWorksheet) sheet = NULL;
      PwWorksheetKind kind;
      JsonObject *object;
      gint64 version;
      const char *saved;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return content_invalid (error, at, _("expected an object."));

      object = json_node_get_object (element);
      if (!pw_worksheet_kind_from_string (pw_json_string (object, "kind", ""), &kind))
        return content_invalid (error, at, _("kind must be grow, swot, sand or force-field."));

      if (!pw_json_int (object, "version", 0, &version) || version < 1 || version > G_MAXINT)
        return content_invalid (error, at, _("version must be a whole number from 1."));

      saved = pw_json_string (object, "saved", NULL);
      if (saved == NULL && json_object_has_member (object, "saved") &&
          !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "saved")))
        return content_invalid (error, at, _("saved must be a date and time in quotes."));
      sheet = pw_worksheet_new (pair_id, kind);
      if (!content_from_json (sheet, json_object_get_member (object, "content"), content_at, error))
        return FALSE;

      content = content_string (sheet);
      if (!insert_version (store, pair_id, kind, (int)version, saved && saved[0] ? saved : NULL,
                           content, error))
        {
          g_prefix_error (error, _("%s: this version cannot be stored (is it listed twice?): "), at);
          return FALSE;
        }
    }

  return TRUE;
}
