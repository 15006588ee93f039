/* pw-prefix-model.c — the first items of another list model, as many as
 * are let through so far
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list and column views build a row for up to 200 items around
 * their anchor, whatever their height. Behind this model a table of
 * thousands first builds only the rows a window can show, and the rest a
 * few at a time once it is on screen (see pw_people_page). Positions are
 * the same as in the model it wraps.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-prefix-model"

#include "pw-prefix-model.h"

struct _PwPrefixModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       limit;
  guint       n_items;  /* MIN (limit, items in model) */
};

static void pw_prefix_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PwPrefixModel, pw_prefix_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pw_prefix_model_list_model_init))

static GType
pw_prefix_model_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (PW_PREFIX_MODEL (list)->model);
}

static guint
pw_prefix_model_get_n_items (GListModel *list)
{
  return PW_PREFIX_MODEL (list)->n_items;
}

static gpointer
pw_prefix_model_get_item (GListModel *list,
                          guint       position)
{
  PwPrefixModel *self = PW_PREFIX_MODEL (list);

  if (position >= self->n_items)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
pw_prefix_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pw_prefix_model_get_item_type;
  iface->get_n_items = pw_prefix_model_get_n_items;
  iface->get_item = pw_prefix_model_get_item;
}

static void
items_changed_cb (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  PwPrefixModel *self)
{
  guint old_n = self->n_items;

  self->n_items = MIN (self->limit, g_list_model_get_n_items (model));

  /* Past the prefix nothing shows; within it, everything from @position
   * on may have moved. */
  if (position >= self->limit)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, old_n - position, self->n_items - position);
}

static void
pw_prefix_model_dispose (GObject *object)
{
  PwPrefixModel *self = PW_PREFIX_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (pw_prefix_model_parent_class)->dispose (object);
}

static void
pw_prefix_model_class_init (PwPrefixModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_prefix_model_dispose;
}

static void
pw_prefix_model_init (PwPrefixModel *self)
{
}

/**
 * pw_prefix_model_new:
 * @model: (transfer none): the model to show the first items of
 * @limit: how many, at most
 */
PwPrefixModel *
pw_prefix_model_new (GListModel *model,
                     guint       limit)
{
  PwPrefixModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (PW_TYPE_PREFIX_MODEL, NULL);
  self->model = g_object_ref (model);
  self->limit = limit;
  self->n_items = MIN (limit, g_list_model_get_n_items (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);

  return self;
}

GListModel *
pw_prefix_model_get_model (PwPrefixModel *self)
{
  g_return_val_if_fail (PW_IS_PREFIX_MODEL (self), NULL);

  return self->model;
}

guint
pw_prefix_model_get_limit (PwPrefixModel *self)
{
  g_return_val_if_fail (PW_IS_PREFIX_MODEL (self), 0);

  return self->limit;
}

/**
 * pw_prefix_model_set_limit:
 * @limit: how many items to show at most; %G_MAXUINT for all
 */
void
pw_prefix_model_set_limit (PwPrefixModel *self,
                           guint          limit)
{
  guint old_n;

  g_return_if_fail (PW_IS_PREFIX_MODEL (self));

  if (limit == self->limit)
    return;

  old_n = self->n_items;
  self->limit = limit;
  self->n_items = MIN (limit, g_list_model_get_n_items (self->model));

  if (self->n_items > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_items - old_n);
  else if (self->n_items < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items, old_n - self->n_items, 0);
}
