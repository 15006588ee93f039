/* pw-guide-window.c — the user guide, inside the app, for when Yelp is absent
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-guide-window"

#include <glib/gi18n.h>

#include "pw-guide-window.h"

/* The guide's text lives in one place: the Mallard pages of help/C, which
 * Yelp shows when it is there. A copy of them is bundled in the GResource,
 * and this window reads that copy (or the installed translation of a page,
 * when there is one) through a small reader for the subset of Mallard the
 * pages use: titles, paragraphs, lists, steps, notes, simple tables and
 * inline <gui>, <key>, <em>, <cmd>, <file>. The index page's
 * <links groups="…"> gives the topics' order. */

#define HELP_RESOURCE RESOURCE_PREFIX "/help/C/"

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_ITEM,
  BLOCK_STEP,
  BLOCK_NOTE,
  BLOCK_ROW,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  guint      number;  /* of a step */
  char      *markup;
} Block;

typedef struct
{
  char      *id;
  char      *title;
  char      *desc;
  GPtrArray *blocks;  /* of Block */
} Topic;

struct _PwGuideWindow
{
  AdwWindow       parent_instance;

  GPtrArray      *topics;  /* of Topic, the index first */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkListBox     *topic_list;
  GtkScrolledWindow *scroller;
  GtkBox         *content_box;
};

G_DEFINE_FINAL_TYPE (PwGuideWindow, pw_guide_window, ADW_TYPE_WINDOW)

/* Reading Mallard */

typedef struct
{
  Topic   *topic;
  GString *text;        /* the block being read, as Pango markup */
  GString *desc;
  char    *groups;      /* of the index's topic links */
  guint    step;
  guint    keys;        /* in the <keyseq> being read */
  gboolean in_cell;
} Reader;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->markup);
  g_free (block);
}

static void
topic_free (gpointer data)
{
  Topic *topic = data;

  g_free (topic->id);
  g_free (topic->title);
  g_free (topic->desc);
  g_ptr_array_unref (topic->blocks);
  g_free (topic);
}

static gboolean
has_ancestor (GMarkupParseContext *context,
              const char          *name)
{
  for (const GSList *l = g_markup_parse_context_get_element_stack (context); l != NULL; l = l->next)
    if (g_str_equal (l->data, name))
      return TRUE;

  return FALSE;
}

static const char *
parent_element (GMarkupParseContext *context)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  return stack != NULL && stack->next != NULL ? stack->next->data : "";
}

static const char *
inline_markup (const char *element,
               gboolean    closing)
{
  static const struct { const char *element, *open, *close; } inlines[] = {
    { "gui", "<b>", "</b>" },
    { "key", "<b>", "</b>" },
    { "em", "<i>", "</i>" },
    { "cmd", "<tt>", "</tt>" },
    { "file", "<tt>", "</tt>" },
    { "code", "<tt>", "</tt>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inlines); i++)
    if (g_str_equal (element, inlines[i].element))
      return closing ? inlines[i].close : inlines[i].open;

  return NULL;
}

static void
finish_block (Reader    *reader,
              BlockKind  kind)
{
  Block *block;
  char *markup = g_strstrip (g_string_free (g_steal_pointer (&reader->text), FALSE));

  if (*markup == '\0')
    {
      g_free (markup);
      return;
    }

  if (kind == BLOCK_TITLE && reader->topic->title == NULL)
    reader->topic->title = g_strdup (markup);

  block = g_new0 (Block, 1);
  block->kind = kind;
  block->number = kind == BLOCK_STEP ? reader->step : 0;
  block->markup = markup;
  g_ptr_array_add (reader->topic->blocks, block);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Reader *reader = user_data;
  const char *markup;

  if (g_str_equal (element, "links"))
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "groups"))
          {
            g_free (reader->groups);
            reader->groups = g_strdup (values[i]);
          }
      return;
    }

  if (has_ancestor (context, "info") || has_ancestor (context, "links"))
    return;

  if (g_str_equal (element, "keyseq"))
    reader->keys = 0;
  else if (g_str_equal (element, "key") && g_str_equal (parent_element (context), "keyseq") &&
           reader->keys++ > 0 && reader->text != NULL)
    g_string_append_c (reader->text, '+');

  if (g_str_equal (element, "steps"))
    reader->step = 0;
  else if (g_str_equal (element, "item") && g_str_equal (parent_element (context), "steps"))
    reader->step++;

  if (g_str_equal (element, "title") || g_str_equal (element, "tr") ||
      (g_str_equal (element, "p") && !reader->in_cell))
    {
      if (reader->text == NULL)
        reader->text = g_string_new (NULL);
      reader->in_cell = g_str_equal (element, "tr");
    }
  else if (g_str_equal (element, "td") && reader->text != NULL && reader->text->len > 0)
    g_string_append (reader->text, "\342\200\203");  /* an em space between cells */
  else if ((markup = inline_markup (element, FALSE)) != NULL && reader->text != NULL)
    g_string_append (reader->text, markup);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Reader *reader = user_data;
  const char *parent = parent_element (context);
  const char *markup;

  if (has_ancestor (context, "info") || has_ancestor (context, "links") ||
      g_str_equal (element, "info") || g_str_equal (element, "links"))
    return;

  if (g_str_equal (element, "title"))
    finish_block (reader, g_str_equal (parent, "page") ? BLOCK_TITLE : BLOCK_HEADING);
  else if (g_str_equal (element, "tr"))
    {
      reader->in_cell = FALSE;
      finish_block (reader, BLOCK_ROW);
    }
  else if (g_str_equal (element, "p") && !reader->in_cell)
    {
      const GSList *stack = g_markup_parse_context_get_element_stack (context);
      const char *grandparent = stack->next && stack->next->next ? stack->next->next->data : "";

      if (g_str_equal (parent, "item"))
        finish_block (reader, g_str_equal (grandparent, "steps") ? BLOCK_STEP : BLOCK_ITEM);
      else if (g_str_equal (parent, "note"))
        finish_block (reader, BLOCK_NOTE);
      else
        finish_block (reader, BLOCK_PARAGRAPH);
    }
  else if ((markup = inline_markup (element, TRUE)) != NULL && reader->text != NULL)
    g_string_append (reader->text, markup);
}

/* Runs of white space in the source become one space, as in HTML. */
static void
append_collapsed (GString    *out,
                  const char *text,
                  gsize       len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  Reader *reader = user_data;
  const char *element = g_markup_parse_context_get_element (context);

  if (g_strcmp0 (element, "desc") == 0 && has_ancestor (context, "info"))
    append_collapsed (reader->desc, text, len);
  else if (reader->text != NULL && !has_ancestor (context, "info"))
    append_collapsed (reader->text, text, len);
}

static const GMarkupParser mallard_parser = {
  start_element_cb, end_element_cb, text_cb, NULL, NULL,
};

/* The installed translation of a page, if any; "C" is the bundled copy. */
static char *
load_installed_page (const char *id,
                     gsize      *length)
{
  const char * const *languages = g_get_language_names ();
  const char * const *dirs = g_get_system_data_dirs ();
  g_autofree char *file = g_strconcat (id, ".page", NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_equal (languages[i], "C"))
        break;

      for (int d = -1; d < (int)g_strv_length ((char **)dirs); d++)
        {
          const char *dir = d < 0 ? g_get_user_data_dir () : dirs[d];
          g_autofree char *path = g_build_filename (dir, "help", languages[i], APP_ID, file, NULL);
          char *contents = NULL;

          if (g_file_get_contents (path, &contents, length, NULL))
            return contents;
        }
    }

  return NULL;
}

static Topic *
read_topic (const char  *id,
            char       **groups)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *installed = NULL;
  g_autofree char *path = g_strconcat (HELP_RESOURCE, id, ".page", NULL);
  Reader reader = { 0 };
  const char *data;
  gsize length = 0;

  installed = load_installed_page (id, &length);
  if (installed != NULL)
    data = installed;
  else
    {
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        {
          g_critical ("The help page %s is not bundled: %s", id, error->message);
          return NULL;
        }
      data = g_bytes_get_data (bytes, &length);
    }

  reader.topic = g_new0 (Topic, 1);
  reader.topic->id = g_strdup (id);
  reader.topic->blocks = g_ptr_array_new_with_free_func (block_free);
  reader.desc = g_string_new (NULL);

  context = g_markup_parse_context_new (&mallard_parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &reader, NULL);
  if (!g_markup_parse_context_parse (context, data, length, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_critical ("The help page %s cannot be read: %s", id, error->message);

  if (reader.text != NULL)
    g_string_free (reader.text, TRUE);
  reader.topic->desc = g_strstrip (g_string_free (reader.desc, FALSE));
  if (reader.topic->title == NULL)
    reader.topic->title = g_strdup (id);

  if (groups != NULL)
    *groups = g_steal_pointer (&reader.groups);
  g_free (reader.groups);

  return reader.topic;
}

/* Showing a topic */

static GtkWidget *
create_block_widget (const Block *block)
{
  g_autofree char *markup = NULL;
  GtkWidget *label;

  switch (block->kind)
    {
    case BLOCK_ITEM:
      markup = g_strconcat ("•  ", block->markup, NULL);
      break;
    case BLOCK_STEP:
      markup = g_strdup_printf ("%u.  %s", block->number, block->markup);
      break;
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
    case BLOCK_ROW:
    default:
      markup = g_strdup (block->markup);
      break;
    }

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  switch (block->kind)
    {
    case BLOCK_TITLE:
      gtk_widget_add_css_class (label, "title-1");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
      break;
    case BLOCK_HEADING:
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (label, 12);
      break;
    case BLOCK_ITEM:
    case BLOCK_STEP:
    case BLOCK_ROW:
      gtk_widget_set_margin_start (label, 12);
      break;
    case BLOCK_NOTE:
      {
        GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

        gtk_widget_add_css_class (card, "card");
        gtk_widget_set_margin_top (label, 12);
        gtk_widget_set_margin_bottom (label, 12);
        gtk_widget_set_margin_start (label, 12);
        gtk_widget_set_margin_end (label, 12);
        gtk_box_append (GTK_BOX (card), label);
        return card;
      }
    case BLOCK_PARAGRAPH:
    default:
      break;
    }

  return label;
}

static const Topic *
find_topic (PwGuideWindow *self,
            const char    *id)
{
  for (guint i = 0; i < self->topics->len; i++)
    {
      const Topic *topic = g_ptr_array_index (self->topics, i);

      if (g_str_equal (topic->id, id))
        return topic;
    }

  return NULL;
}

static void
fill_content (PwGuideWindow *self,
              const Topic   *topic)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);

  for (guint i = 0; i < topic->blocks->len; i++)
    gtk_box_append (self->content_box, create_block_widget (g_ptr_array_index (topic->blocks, i)));

  /* The index lists the other topics, as Yelp's index page does. */
  if (g_str_equal (topic->id, "index"))
    for (guint i = 1; i < self->topics->len; i++)
      {
        const Topic *other = g_ptr_array_index (self->topics, i);
        Block block = { BLOCK_ITEM, 0, NULL };
        g_autofree char *desc = NULL;

        desc = g_strdup_printf ("<b>%s</b> — %s", other->title, other->desc);
        block.markup = desc;
        gtk_box_append (self->content_box, create_block_widget (&block));
      }

  adw_window_title_set_subtitle (self->window_title, topic->title);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
topic_selected_cb (PwGuideWindow *self,
                   GtkListBoxRow *row)
{
  const Topic *topic;

  if (row == NULL)
    return;

  topic = find_topic (self, gtk_widget_get_name (GTK_WIDGET (row)));
  if (topic != NULL)
    fill_content (self, topic);
}

static GtkWidget *
create_topic_row (const Topic *topic)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), topic->title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_name (row, topic->id);
  if (topic->desc != NULL && *topic->desc != '\0')
    gtk_widget_set_tooltip_markup (row, topic->desc);

  return row;
}

static void
load_topics (PwGuideWindow *self)
{
  g_auto(GStrv) order = NULL;
  g_autofree char *groups = NULL;
  Topic *index;

  index = read_topic ("index", &groups);
  if (index == NULL)
    return;

  g_ptr_array_add (self->topics, index);
  order = g_strsplit_set (groups ? groups : "", " \t\n", -1);
  for (guint i = 0; order[i] != NULL; i++)
    {
      Topic *topic;

      if (*order[i] == '\0')
        continue;
      topic = read_topic (order[i], NULL);
      if (topic != NULL)
        g_ptr_array_add (self->topics, topic);
    }

  for (guint i = 0; i < self->topics->len; i++)
    gtk_list_box_append (self->topic_list, create_topic_row (g_ptr_array_index (self->topics, i)));
}

/* Overrides */

static void
pw_guide_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PW_TYPE_GUIDE_WINDOW);

  G_OBJECT_CLASS (pw_guide_window_parent_class)->dispose (object);
}

static void
pw_guide_window_finalize (GObject *object)
{
  PwGuideWindow *self = PW_GUIDE_WINDOW (object);

  g_clear_pointer (&self->topics, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_guide_window_parent_class)->finalize (object);
}

static void
pw_guide_window_class_init (PwGuideWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_guide_window_dispose;
  object_class->finalize = pw_guide_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-guide-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwGuideWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PwGuideWindow, topic_list);
  gtk_widget_class_bind_template_child (widget_class, PwGuideWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, PwGuideWindow, content_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pw_guide_window_init (PwGuideWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->topic_list, "row-selected",
                           G_CALLBACK (topic_selected_cb), self, G_CONNECT_SWAPPED);

  self->topics = g_ptr_array_new_with_free_func (topic_free);
  load_topics (self);

  if (self->topics->len > 0)
    pw_guide_window_show_topic (self, "index");
}

/* Public API */

GtkWidget *
pw_guide_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (PW_TYPE_GUIDE_WINDOW,
                       "transient-for", parent,
                       NULL);
}

guint
pw_guide_window_get_n_topics (PwGuideWindow *self)
{
  g_return_val_if_fail (PW_IS_GUIDE_WINDOW (self), 0);

  return self->topics->len;
}

/**
 * pw_guide_window_get_topic:
 *
 * Returns: (nullable): the id of the page shown (the Mallard page's id).
 */
const char *
pw_guide_window_get_topic (PwGuideWindow *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PW_IS_GUIDE_WINDOW (self), NULL);

  row = gtk_list_box_get_selected_row (self->topic_list);

  return row != NULL ? gtk_widget_get_name (GTK_WIDGET (row)) : NULL;
}

void
pw_guide_window_show_topic (PwGuideWindow *self,
                            const char    *topic)
{
  g_return_if_fail (PW_IS_GUIDE_WINDOW (self));
  g_return_if_fail (topic != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->topic_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_str_equal (gtk_widget_get_name (child), topic))
      {
        gtk_list_box_select_row (self->topic_list, GTK_LIST_BOX_ROW (child));
        return;
      }

  g_return_if_reached ();
}

/**
 * pw_guide_help_installed:
 *
 * Whether the Mallard help is installed where Yelp looks for it, which is
 * not the case when the app runs from its build folder.
 */
gboolean
pw_guide_help_installed (void)
{
  const char * const *dirs = g_get_system_data_dirs ();

  for (int d = -1; d < (int)g_strv_length ((char **)dirs); d++)
    {
      const char *dir = d < 0 ? g_get_user_data_dir () : dirs[d];
      g_autofree char *path = g_build_filename (dir, "help", "C", APP_ID, "index.page", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

/**
 * pw_guide_show:
 *
 * Opens the guide: in Yelp when a help viewer is there and the help is
 * installed, else in the guide window of the app, so F1 always answers.
 */
void
pw_guide_show (GtkWindow *parent)
{
  g_autoptr(GAppInfo) viewer = NULL;
  GtkWidget *window;

  if (pw_guide_help_installed () &&
      (viewer = g_app_info_get_default_for_uri_scheme ("help")) != NULL)
    {
      gtk_show_uri (parent, "help:" APP_ID, GDK_CURRENT_TIME);
      return;
    }

  window = pw_guide_window_new (parent);
  gtk_window_present (GTK_WINDOW (window));
}
