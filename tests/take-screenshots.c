/* take-screenshots.c — the AppStream screenshots, from the real window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xvfb-run -a -s "-screen 0 1400x900x24" \
 *     BUILDDIR/tests/take-screenshots [--style light|dark|high-contrast]
 *                                     [--guide TOPIC] DIR
 *
 * Builds the main window at 1280×800 on a temporary database with the
 * sample programme and saves, as PNG in DIR: the start page, Setup,
 * People, Eligibility and Matching with a pair's explanation. Set
 * GSETTINGS_SCHEMA_DIR to BUILDDIR/data and GSETTINGS_BACKEND=memory.
 * data/screenshots/ holds the light set that the metainfo points at.
 * --guide TOPIC adds guide.png, the in-app guide at a help/C page.
 */
#include "config.h"

#define G_LOG_DOMAIN "take-screenshots"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pw-guide-window.h"
#include "pw-matching-page.h"
#include "pw-programme-view.h"
#include "pw-sample.h"
#include "pw-window.h"

#define WIDTH  1280
#define HEIGHT 800

static void
settle (void)
{
  /* A few frames, so lists fill and sizes settle. */
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
}

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_first (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static void
save (GtkWidget  *window,
      const char *dir,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_strconcat (dir, G_DIR_SEPARATOR_S, name, ".png", NULL);
  GtkSnapshot *snapshot;
  int width;
  int height;

  settle ();
  snapshot = gtk_snapshot_new ();
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Cannot write %s", path);
  g_print ("%s (%d×%d)\n", path, width, height);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  const char *style = "light";
  const char *out = NULL;
  const char *guide_topic = NULL;
  PwProgrammeView *view;
  PwMatchingPage *matching;
  GtkWidget *proposals;
  PwWindow *window;
  gint64 id;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--style") && i + 1 < argc)
        style = argv[++i];
      else if (g_str_equal (argv[i], "--guide") && i + 1 < argc)
        guide_topic = argv[++i];
      else
        out = argv[i];
    }
  if (out == NULL)
    {
      g_printerr ("usage: take-screenshots [--style light|dark|high-contrast] [--guide TOPIC] DIR\n");
      return 2;
    }
  g_mkdir_with_parents (out, 0755);

  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", "Cantarell 11",
                NULL);
  if (g_str_equal (style, "dark"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  if (g_str_equal (style, "high-contrast"))
    g_object_set (gtk_settings_get_default (), "gtk-theme-name", "HighContrast", NULL);

  tmp = g_dir_make_tmp ("pairwise-shots-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmp, "pairwise.db", NULL);
  store = pw_store_open (db, &error);
  g_assert_no_error (error);

  window = pw_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  /* The window's frame takes its part of the default size: add it back. */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * WIDTH - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * HEIGHT - gtk_widget_get_height (GTK_WIDGET (window)));
  settle ();

  id = pw_sample_create (store, &error);
  g_assert_no_error (error);

  pw_window_open_programme (window, id);
  settle ();
  view = PW_PROGRAMME_VIEW (find_first (GTK_WIDGET (window), PW_TYPE_PROGRAMME_VIEW));

  pw_programme_view_show_section (view, "setup");
  save (GTK_WIDGET (window), out, "setup");

  pw_programme_view_show_section (view, "people");
  save (GTK_WIDGET (window), out, "people");

  pw_programme_view_show_section (view, "eligibility");
  save (GTK_WIDGET (window), out, "eligibility");

  pw_programme_view_show_section (view, "matching");
  settle ();
  matching = PW_MATCHING_PAGE (find_first (GTK_WIDGET (view), PW_TYPE_MATCHING_PAGE));
  pw_matching_page_run (matching, FALSE, 0);
  while (pw_matching_page_is_running (matching))
    g_main_context_iteration (NULL, TRUE);
  settle ();
  proposals = find_first (GTK_WIDGET (matching), GTK_TYPE_LIST_VIEW);
  g_signal_emit_by_name (proposals, "activate", 0);
  save (GTK_WIDGET (window), out, "matching");

  pw_window_show_start (window);
  save (GTK_WIDGET (window), out, "start");

  /* Not for AppStream: to look at the in-app guide. */
  if (guide_topic != NULL)
    {
      GtkWidget *guide = pw_guide_window_new (GTK_WINDOW (window));

      gtk_window_present (GTK_WINDOW (guide));
      pw_guide_window_show_topic (PW_GUIDE_WINDOW (guide), guide_topic);
      save (guide, out, "guide");
      gtk_window_destroy (GTK_WINDOW (guide));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_clear_object (&store);

  {
    g_autoptr(GDir) d = g_dir_open (tmp, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp, name, NULL);

        g_remove (path);
      }
  }
  g_rmdir (tmp);

  return 0;
}
