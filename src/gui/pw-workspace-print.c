/* pw-workspace-print.c — printing the agreement and the worksheets
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One PangoLayout holds the whole document; begin-print splits its lines
 * into pages and draw-page shows the lines of one page.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-workspace-print"

#include <glib/gi18n.h>

#include "pw-programme.h"
#include "pw-workspace-print.h"

struct _PwPrintDocument
{
  char      *title;
  char      *subtitle;
  GPtrArray *sections;  /* char *heading, char *text, … */

  /* While printing */
  PangoLayout *layout;
  GArray      *page_starts;  /* int: the first line of each page */
};


/* Document */

PwPrintDocument *
pw_print_document_new (const char *title,
                       const char *subtitle)
{
  PwPrintDocument *doc = g_new0 (PwPrintDocument, 1);

  g_return_val_if_fail (title != NULL, NULL);

  doc->title = g_strdup (title);
  doc->subtitle = g_strdup (subtitle);
  doc->sections = g_ptr_array_new_with_free_func (g_free);
  doc->page_starts = g_array_new (FALSE, FALSE, sizeof (int));

  return doc;
}

void
pw_print_document_free (PwPrintDocument *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->title);
  g_free (doc->subtitle);
  g_ptr_array_unref (doc->sections);
  g_array_unref (doc->page_starts);
  g_clear_object (&doc->layout);
  g_free (doc);
}

void
pw_print_document_add (PwPrintDocument *doc,
                       const char      *heading,
                       const char      *text)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (heading != NULL);

  g_ptr_array_add (doc->sections, g_strdup (heading));
  g_ptr_array_add (doc->sections, g_strdup (text != NULL && *text != '\0' ? text : _("(not filled in)")));
}

static char *
contact_forms_text (guint forms)
{
  static const struct { guint flag; const char *label; } all[] = {
    { PW_CONTACT_IN_PERSON, N_("In person") },
    { PW_CONTACT_VIDEO, N_("Video call") },
    { PW_CONTACT_PHONE, N_("Phone") },
    { PW_CONTACT_EMAIL, N_("Email") },
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (forms & all[i].flag)
      g_strv_builder_add (builder, _(all[i].label));

  labels = g_strv_builder_end (builder);
  /* Translators: the separator between contact forms */
  return g_strjoinv (_(", "), labels);
}

static char *
accepted_text (const char *date)
{
  return g_strdup (date != NULL && *date != '\0' ? date : _("Not accepted yet"));
}

PwPrintDocument *
pw_print_document_new_agreement (PwAgreement *agreement,
                                 const char  *subtitle)
{
  PwPrintDocument *doc;
  g_autofree char *forms = NULL;
  g_autofree char *meetings = NULL;
  g_autofree char *mentee = NULL;
  g_autofree char *mentor = NULL;
  int n;

  g_return_val_if_fail (PW_IS_AGREEMENT (agreement), NULL);

  n = pw_agreement_get_meetings_per_month (agreement);
  meetings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d meeting a month", "%d meetings a month", n), n);
  forms = contact_forms_text (pw_agreement_get_contact_forms (agreement));
  mentee = accepted_text (pw_agreement_get_accepted (agreement, PW_SIDE_MENTEE));
  mentor = accepted_text (pw_agreement_get_accepted (agreement, PW_SIDE_MENTOR));

  doc = pw_print_document_new (_("Mentor Me Agreement"), subtitle);
  pw_print_document_add (doc, _("What the mentee wants to gain"), pw_agreement_get_mentee_gains (agreement));
  pw_print_document_add (doc, _("What the mentor can offer"), pw_agreement_get_mentor_offers (agreement));
  pw_print_document_add (doc, _("Expectations that are not realistic"), pw_agreement_get_unrealistic (agreement));
  pw_print_document_add (doc, _("How often we meet"), meetings);
  pw_print_document_add (doc, _("How we keep in touch"), forms);
  pw_print_document_add (doc, _("The program’s confidentiality policy"),
                         pw_agreement_get_confidentiality_policy (agreement));
  pw_print_document_add (doc, _("Confidentiality agreed"),
                         pw_agreement_get_confidentiality_agreed (agreement) ? _("Yes") : _("No"));
  pw_print_document_add (doc, _("Asking for a new match without blame"), pw_agreement_get_reassignment (agreement));
  pw_print_document_add (doc, _("End date"), pw_agreement_get_end_date (agreement));
  pw_print_document_add (doc, _("Accepted by the mentee"), mentee);
  pw_print_document_add (doc, _("Accepted by the mentor"), mentor);

  return doc;
}

static char *
forces_text (PwWorksheet      *worksheet,
             PwForceDirection  direction)
{
  GListModel *forces = pw_worksheet_get_forces (worksheet, direction);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (forces);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwForce) force = g_list_model_get_item (forces, i);
      const char *description = pw_force_get_description (force);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: one force of a force-field analysis: its strength, then what it is */
      g_string_append_printf (out, _("%d of 5 — %s"), pw_force_get_strength (force),
                              description != NULL && *description ? description : _("(not described)"));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

PwPrintDocument *
pw_print_document_new_worksheet (PwWorksheet *worksheet,
                                 const char  *subtitle)
{
  PwWorksheetKind kind;
  PwPrintDocument *doc;
  const char * const *fields;

  g_return_val_if_fail (PW_IS_WORKSHEET (worksheet), NULL);

  kind = pw_worksheet_get_kind (worksheet);
  fields = pw_worksheet_kind_get_fields (kind);
  doc = pw_print_document_new (pw_worksheet_kind_label (kind), subtitle);

  for (guint i = 0; fields[i] != NULL; i++)
    pw_print_document_add (doc, pw_worksheet_field_label (kind, fields[i]),
                           pw_worksheet_get_field (worksheet, fields[i]));

  if (kind == PW_WORKSHEET_FORCE_FIELD)
    {
      g_autofree char *for_text = forces_text (worksheet, PW_FORCE_FOR);
      g_autofree char *against_text = forces_text (worksheet, PW_FORCE_AGAINST);
      g_autofree char *totals = NULL;

      totals = g_strdup_printf (_("For %d, against %d: balance %+d"),
                                pw_worksheet_get_total (worksheet, PW_FORCE_FOR),
                                pw_worksheet_get_total (worksheet, PW_FORCE_AGAINST),
                                pw_worksheet_get_balance (worksheet));
      pw_print_document_add (doc, _("Forces for the change"), for_text);
      pw_print_document_add (doc, _("Forces against the change"), against_text);
      pw_print_document_add (doc, _("Totals"), totals);
    }

  return doc;
}

/* Layout */

static void
add_span (GString       *text,
          PangoAttrList *attrs,
          const char    *span,
          PangoAttribute *(*make) (void),
          double          scale)
{
  guint start = text->len;

  g_string_append (text, span);
  if (make != NULL)
    {
      PangoAttribute *attr = make ();

      attr->start_index = start;
      attr->end_index = text->len;
      pango_attr_list_insert (attrs, attr);
    }
  if (scale != 1.0)
    {
      PangoAttribute *attr = pango_attr_scale_new (scale);

      attr->start_index = start;
      attr->end_index = text->len;
      pango_attr_list_insert (attrs, attr);
    }
}

static PangoAttribute *
bold_attr (void)
{
  return pango_attr_weight_new (PANGO_WEIGHT_BOLD);
}

static PangoAttribute *
dim_attr (void)
{
  return pango_attr_foreground_new (0x5555, 0x5555, 0x5555);
}

static void
build_layout (PwPrintDocument *doc,
              GtkPrintContext *context)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  PangoAttrList *attrs = pango_attr_list_new ();

  add_span (text, attrs, doc->title, bold_attr, 1.6);
  g_string_append_c (text, '\n');
  if (doc->subtitle != NULL)
    {
      add_span (text, attrs, doc->subtitle, dim_attr, 1.0);
      g_string_append_c (text, '\n');
    }

  for (guint i = 0; i + 1 < doc->sections->len; i += 2)
    {
      g_string_append_c (text, '\n');
      add_span (text, attrs, doc->sections->pdata[i], bold_attr, 1.0);
      g_string_append_c (text, '\n');
      /* The people's own words: plain text, whatever they hold. */
      add_span (text, attrs, doc->sections->pdata[i + 1], NULL, 1.0);
      g_string_append_c (text, '\n');
    }

  g_clear_object (&doc->layout);
  doc->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (doc->layout, font);
  pango_layout_set_width (doc->layout, (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (doc->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (doc->layout, text->str, (int) text->len);
  pango_layout_set_attributes (doc->layout, attrs);
  pango_attr_list_unref (attrs);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PwPrintDocument   *doc)
{
  double page_height = gtk_print_context_get_height (context);
  PangoLayoutIter *iter;
  double page_top = 0;
  int line = 0;

  build_layout (doc, context);
  g_array_set_size (doc->page_starts, 0);
  g_array_append_val (doc->page_starts, line);

  iter = pango_layout_get_iter (doc->layout);
  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      if (bottom - page_top > page_height && line > 0)
        {
          g_array_append_val (doc->page_starts, line);
          page_top = (double) logical.y / PANGO_SCALE;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  gtk_print_operation_set_n_pages (operation, (int) doc->page_starts->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PwPrintDocument   *doc)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int first = g_array_index (doc->page_starts, int, page_nr);
  int last = (guint) page_nr + 1 < doc->page_starts->len
               ? g_array_index (doc->page_starts, int, page_nr + 1)
               : G_MAXINT;
  PangoLayoutIter *iter = pango_layout_get_iter (doc->layout);
  double page_top = 0;
  int line = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);

  do
    {
      PangoRectangle logical;
      int baseline;

      if (line < first)
        continue;
      if (line >= last)
        break;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      if (line == first)
        page_top = (double) logical.y / PANGO_SCALE;

      cairo_move_to (cr,
                     (double) logical.x / PANGO_SCALE,
                     (double) baseline / PANGO_SCALE - page_top);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (line++, pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      g_message ("Printing failed: %s", error ? error->message : "unknown error");
    }

  /* The reference taken for the dialog: GTK hands back here whatever the
   * person chose. */
  if (g_object_get_data (G_OBJECT (operation), "pw-async") != NULL)
    g_object_unref (operation);
}

gboolean
pw_print_document_run (PwPrintDocument  *doc,
                       GtkWindow        *parent,
                       const char       *pdf_path,
                       GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, doc->title);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), doc);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);
  /* The operation owns the document from here. */
  g_object_set_data_full (G_OBJECT (operation), "pw-document", doc,
                          (GDestroyNotify) pw_print_document_free);

  if (pdf_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, pdf_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
    }
  else
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_object_set_data (G_OBJECT (operation), "pw-async", GINT_TO_POINTER (1));
      g_object_ref (operation);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
    }

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
