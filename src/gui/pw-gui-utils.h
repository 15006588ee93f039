/* pw-gui-utils.h — small helpers shared by the widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

const char *pw_programme_kind_to_label (PwProgrammeKind  kind);
char       *pw_format_date             (const char      *iso_date,
                                        gboolean         abbreviated);
char       *pw_format_date_range       (const char      *start,
                                        const char      *end);
char       *pw_format_duration         (const char      *start,
                                        const char      *end);
void        pw_widget_show_error       (GtkWidget       *row,
                                        const char      *message);

/* A toast showing @text as it is: AdwToast 1.2 reads its title as markup. */
AdwToast   *pw_toast_new_plain         (const char      *text);
gboolean    pw_widget_add_toast        (GtkWidget       *widget,
                                        AdwToast        *toast);

GtkFileChooserNative *pw_file_chooser_new        (GtkWidget            *parent,
                                                 const char           *title,
                                                 GtkFileChooserAction  action,
                                                 const char           *accept_label,
                                                 const char           *cancel_label);
void                  pw_file_chooser_add_filter (GtkFileChooserNative *chooser,
                                                 const char           *name,
                                                 const char           *mime_type,
                                                 ...) G_GNUC_NULL_TERMINATED;

/* The construct-only "store" and "programme" properties of the sections. */
GParamSpec *pw_param_spec_store        (void);
GParamSpec *pw_param_spec_programme    (void);

gboolean    pw_section_get_property    (GParamSpec      *pspec,
                                        GValue          *value,
                                        PwStore         *store,
                                        PwProgramme     *programme);
gboolean    pw_section_set_property    (GParamSpec      *pspec,
                                        const GValue    *value,
                                        PwStore        **store,
                                        PwProgramme    **programme);

/* Work that the first frame need not wait for. */
typedef void (*PwAfterFrameFunc) (GtkWidget *widget,
                                  gpointer   user_data);

void        pw_widget_after_frame          (GtkWidget        *widget,
                                            PwAfterFrameFunc  func,
                                            gpointer          user_data,
                                            GDestroyNotify    destroy);
void        pw_menu_button_set_menu_lazily (GtkMenuButton    *button,
                                            GMenuModel       *model);

G_END_DECLS
