/* test-prefix-model.c — the first items of a list model, let through a
 * few at a time
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "pw-prefix-model.h"

/* A copy of what the model showed, kept up to date from its
 * items-changed alone: it must always equal the model. */
typedef struct
{
  GPtrArray *mirror;
  guint      signals;
} Watch;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (model, position + i));
  watch->signals++;
}

static void
assert_mirror (GListModel *model,
               Watch      *watch,
               guint       expected_n)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected_n);
  g_assert_cmpuint (watch->mirror->len, ==, expected_n);
  for (guint i = 0; i < expected_n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == watch->mirror->pdata[i]);
    }
  g_assert_null (g_list_model_get_item (model, expected_n));
}

static void
test_prefix (void)
{
  const char * const ten[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", NULL };
  const char * const two[] = { "a", "b", NULL };
  g_autoptr(GtkStringList) strings = gtk_string_list_new (ten);
  g_autoptr(PwPrefixModel) prefix = pw_prefix_model_new (G_LIST_MODEL (strings), 3);
  GListModel *model = G_LIST_MODEL (prefix);
  Watch watch = { g_ptr_array_new_with_free_func (g_object_unref), 0 };

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (watch.mirror, g_list_model_get_item (model, i));
  g_signal_connect (prefix, "items-changed", G_CALLBACK (items_changed_cb), &watch);

  g_assert_true (g_list_model_get_item_type (model) == g_list_model_get_item_type (G_LIST_MODEL (strings)));
  assert_mirror (model, &watch, 3);

  /* Beyond the prefix: nothing to say. */
  gtk_string_list_splice (strings, 5, 2, two);
  g_assert_cmpuint (watch.signals, ==, 0);
  assert_mirror (model, &watch, 3);

  /* Within it. */
  gtk_string_list_remove (strings, 1);
  assert_mirror (model, &watch, 3);
  gtk_string_list_splice (strings, 0, 0, two);
  assert_mirror (model, &watch, 3);
  g_assert_cmpuint (watch.signals, ==, 2);

  /* Let more through, then everything. */
  pw_prefix_model_set_limit (prefix, 5);
  assert_mirror (model, &watch, 5);
  pw_prefix_model_set_limit (prefix, G_MAXUINT);
  assert_mirror (model, &watch, g_list_model_get_n_items (G_LIST_MODEL (strings)));
  g_assert_cmpuint (pw_prefix_model_get_limit (prefix), ==, G_MAXUINT);

  /* Fewer items than the limit; then fewer let through. */
  gtk_string_list_splice (strings, 0, g_list_model_get_n_items (G_LIST_MODEL (strings)), two);
  assert_mirror (model, &watch, 2);
  pw_prefix_model_set_limit (prefix, 1);
  assert_mirror (model, &watch, 1);
  gtk_string_list_splice (strings, 0, 2, ten);
  assert_mirror (model, &watch, 1);
  pw_prefix_model_set_limit (prefix, 4);
  assert_mirror (model, &watch, 4);
  g_assert_cmpstr (gtk_string_object_get_string (watch.mirror->pdata[3]), ==, "3");

  g_assert_true (pw_prefix_model_get_model (prefix) == G_LIST_MODEL (strings));
  g_signal_handlers_disconnect_by_func (prefix, items_changed_cb, &watch);
  g_ptr_array_unref (watch.mirror);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prefix-model/prefix", test_prefix);

  return g_test_run ();
}
