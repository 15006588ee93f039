/* pw-pair-object.c — a pair, with its people's names, as a list item
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Immutable: a change in the store replaces the items, so the rows of a
 * list view bind again.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-pair-object"

#include "pw-pair-object.h"

struct _PwPairObject
{
  GObject  parent_instance;

  PwPair  *pair;
  char    *mentee_name;
  char    *mentor_name;
};

G_DEFINE_FINAL_TYPE (PwPairObject, pw_pair_object, G_TYPE_OBJECT)

static void
pw_pair_object_finalize (GObject *object)
{
  PwPairObject *self = PW_PAIR_OBJECT (object);

  g_clear_pointer (&self->pair, pw_pair_free);
  g_clear_pointer (&self->mentee_name, g_free);
  g_clear_pointer (&self->mentor_name, g_free);

  G_OBJECT_CLASS (pw_pair_object_parent_class)->finalize (object);
}

static void
pw_pair_object_class_init (PwPairObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pw_pair_object_finalize;
}

static void
pw_pair_object_init (PwPairObject *self)
{
}

PwPairObject *
pw_pair_object_new (PwPair     *pair,
                    const char *mentee_name,
                    const char *mentor_name)
{
  PwPairObject *self;

  g_return_val_if_fail (pair != NULL, NULL);

  self = g_object_new (PW_TYPE_PAIR_OBJECT, NULL);
  self->pair = pair;
  self->mentee_name = g_strdup (mentee_name);
  self->mentor_name = g_strdup (mentor_name);

  return self;
}

const PwPair *
pw_pair_object_get_pair (PwPairObject *self)
{
  g_return_val_if_fail (PW_IS_PAIR_OBJECT (self), NULL);

  return self->pair;
}

const char *
pw_pair_object_get_mentee_name (PwPairObject *self)
{
  g_return_val_if_fail (PW_IS_PAIR_OBJECT (self), NULL);

  return self->mentee_name;
}

const char *
pw_pair_object_get_mentor_name (PwPairObject *self)
{
  g_return_val_if_fail (PW_IS_PAIR_OBJECT (self), NULL);

  return self->mentor_name;
}
