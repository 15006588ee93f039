/* pw-pair-progress.c — how one pair is doing against its plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-pair-progress"

#include "pw-pair-progress.h"
#include "pw-pair-progress-private.h"

struct _PwPairProgress
{
  GObject      parent_instance;

  gint64       pair_id;
  char        *who;
  guint        planned;
  guint        held;
  guint        missed;
  guint        significant;
  guint        target;
  guint        expected;
  guint        reachable;
  int          days_since_last;
  char        *last_meeting;
  char        *first_contact_due;
  gboolean     first_contact_done;
  PwAttention  attention;
  GStrv        reasons;
};

G_DEFINE_FINAL_TYPE (PwPairProgress, pw_pair_progress, G_TYPE_OBJECT)

G_DEFINE_FLAGS_TYPE (PwAttention, pw_attention,
                     G_DEFINE_ENUM_VALUE (PW_ATTENTION_FIRST_CONTACT_MISSED, "first-contact-missed"),
                     G_DEFINE_ENUM_VALUE (PW_ATTENTION_SILENT, "silent"),
                     G_DEFINE_ENUM_VALUE (PW_ATTENTION_BEHIND, "behind"),
                     G_DEFINE_ENUM_VALUE (PW_ATTENTION_PLAN_SHORT, "plan-short"))

enum {
  PROP_0,
  PROP_PAIR_ID,
  PROP_WHO,
  PROP_PLANNED,
  PROP_HELD,
  PROP_MISSED,
  PROP_SIGNIFICANT,
  PROP_TARGET,
  PROP_EXPECTED,
  PROP_REACHABLE,
  PROP_DAYS_SINCE_LAST,
  PROP_LAST_MEETING,
  PROP_FIRST_CONTACT_DUE,
  PROP_FIRST_CONTACT_DONE,
  PROP_ATTENTION,
  PROP_REASONS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_pair_progress_finalize (GObject *object)
{
  PwPairProgress *self = (PwPairProgress *)object;

  g_clear_pointer (&self->who, g_free);
  g_clear_pointer (&self->last_meeting, g_free);
  g_clear_pointer (&self->first_contact_due, g_free);
  g_clear_pointer (&self->reasons, g_strfreev);

  G_OBJECT_CLASS (pw_pair_progress_parent_class)->finalize (object);
}

static void
pw_pair_progress_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwPairProgress *self = PW_PAIR_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_PAIR_ID:            g_value_set_int64 (value, self->pair_id); break;
    case PROP_WHO:                g_value_set_string (value, self->who); break;
    case PROP_PLANNED:            g_value_set_uint (value, self->planned); break;
    case PROP_HELD:               g_value_set_uint (value, self->held); break;
    case PROP_MISSED:             g_value_set_uint (value, self->missed); break;
    case PROP_SIGNIFICANT:        g_value_set_uint (value, self->significant); break;
    case PROP_TARGET:             g_value_set_uint (value, self->target); break;
    case PROP_EXPECTED:           g_value_set_uint (value, self->expected); break;
    case PROP_REACHABLE:          g_value_set_uint (value, self->reachable); break;
    case PROP_DAYS_SINCE_LAST:    g_value_set_int (value, self->days_since_last); break;
    case PROP_LAST_MEETING:       g_value_set_string (value, self->last_meeting); break;
    case PROP_FIRST_CONTACT_DUE:  g_value_set_string (value, self->first_contact_due); break;
    case PROP_FIRST_CONTACT_DONE: g_value_set_boolean (value, self->first_contact_done); break;
    case PROP_ATTENTION:          g_value_set_flags (value, self->attention); break;
    case PROP_REASONS:            g_value_set_boxed (value, self->reasons); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_pair_progress_class_init (PwPairProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pw_pair_progress_finalize;
  object_class->get_property = pw_pair_progress_get_property;

  properties [PROP_PAIR_ID] = g_param_spec_int64 ("pair-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties [PROP_WHO] = g_param_spec_string ("who", NULL, NULL, "", ro);
  properties [PROP_PLANNED] = g_param_spec_uint ("planned", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_HELD] = g_param_spec_uint ("held", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_MISSED] = g_param_spec_uint ("missed", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_SIGNIFICANT] = g_param_spec_uint ("significant", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_TARGET] = g_param_spec_uint ("target", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_EXPECTED] = g_param_spec_uint ("expected", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_REACHABLE] = g_param_spec_uint ("reachable", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_DAYS_SINCE_LAST] = g_param_spec_int ("days-since-last", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties [PROP_LAST_MEETING] = g_param_spec_string ("last-meeting", NULL, NULL, "", ro);
  properties [PROP_FIRST_CONTACT_DUE] = g_param_spec_string ("first-contact-due", NULL, NULL, "", ro);
  properties [PROP_FIRST_CONTACT_DONE] = g_param_spec_boolean ("first-contact-done", NULL, NULL, FALSE, ro);
  properties [PROP_ATTENTION] = g_param_spec_flags ("attention", NULL, NULL, PW_TYPE_ATTENTION,
                                                    PW_ATTENTION_NONE, ro);
  properties [PROP_REASONS] = g_param_spec_boxed ("reasons", NULL, NULL, G_TYPE_STRV, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_pair_progress_init (PwPairProgress *self)
{
  self->days_since_last = -1;
}

PwPairProgress *
pw_pair_progress_new (const PwPairProgressValues *v)
{
  PwPairProgress *self = g_object_new (PW_TYPE_PAIR_PROGRESS, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();

  self->pair_id = v->pair_id;
  self->who = g_strdup (v->who ? v->who : "");
  self->planned = v->planned;
  self->held = v->held;
  self->missed = v->missed;
  self->significant = v->significant;
  self->target = v->target;
  self->expected = v->expected;
  self->reachable = v->reachable;
  self->days_since_last = v->days_since_last;
  self->last_meeting = g_strdup (v->last_meeting ? v->last_meeting : "");
  self->first_contact_due = g_strdup (v->first_contact_due ? v->first_contact_due : "");
  self->first_contact_done = v->first_contact_done;
  self->attention = v->attention;
  for (guint i = 0; v->reasons != NULL && i < v->reasons->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (v->reasons, i));
  self->reasons = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return self;
}

gint64
pw_pair_progress_get_pair_id (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), 0);
  return self->pair_id;
}

const char *
pw_pair_progress_get_who (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), NULL);
  return self->who;
}

guint
pw_pair_progress_get_planned (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), 0);
  return self->planned;
}

guint
pw_pair_progress_get_held (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), 0);
  return self->held;
}

guint
pw_pair_progress_get_missed (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), 0);
  return self->missed;
}

guint
pw_pair_progress_get_significant (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), 0);
  return self->significant;
}

guint
pw_pair_progress_get_target (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), 0);
  return self->target;
}

guint
pw_pair_progress_get_expected (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), 0);
  return self->expected;
}

guint
pw_pair_progress_get_reachable (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), 0);
  return self->reachable;
}

int
pw_pair_progress_get_days_since_last (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), -1);
  return self->days_since_last;
}

const char *
pw_pair_progress_get_last_meeting (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), NULL);
  return self->last_meeting;
}

const char *
pw_pair_progress_get_first_contact_due (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), NULL);
  return self->first_contact_due;
}

gboolean
pw_pair_progress_get_first_contact_done (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), FALSE);
  return self->first_contact_done;
}

PwAttention
pw_pair_progress_get_attention (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), PW_ATTENTION_NONE);
  return self->attention;
}

const char * const *
pw_pair_progress_get_reasons (PwPairProgress *self)
{
  g_return_val_if_fail (PW_IS_PAIR_PROGRESS (self), NULL);
  return (const char * const *)self->reasons;
}
