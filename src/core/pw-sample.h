/* pw-sample.h — the sample programme behind "Try a Sample Program"
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pw-types.h"

G_BEGIN_DECLS

/* The sample's organisation is invented; any likeness is accidental.
 *
 * Brackenford Homes is a not-for-profit housing association in the fictional
 * northern English town of Brackenford. It owns and manages about 18,500
 * homes and employs about 1,200 people, a third of them on the front line:
 * the repairs trades, the estates teams and the customer contact centre.
 *
 * Departments (keep these names when adding sample people):
 *   - Executive Office
 *   - Housing Management (neighbourhood officers, estates teams)
 *   - Repairs and Maintenance (trades, planners, surveyors — the largest)
 *   - Customer Contact Centre
 *   - Income and Financial Inclusion
 *   - Independent Living (supported and older people's housing)
 *   - Development and Regeneration
 *   - Digital and Data
 *   - Finance
 *   - People and Culture (HR, learning, organisational development)
 *
 * Grades run from Band 1 (apprentices, entry roles) to Band 9 (the executive
 * team); heads of service are Band 7–8. The mentors of the sample are Band 1–4
 * colleagues, their mentees Band 7–9.
 *
 * The programme coordinator and the head of People and Culture, both named
 * in the "concerns" text, work there too. The people of the sample, with
 * their reporting lines and questionnaires, are in pw-sample-people.c.
 */
#define PW_SAMPLE_ORGANISATION           "Brackenford Homes"
#define PW_SAMPLE_ORGANISATION_SIZE      1200
#define PW_SAMPLE_EMAIL_DOMAIN           "brackenfordhomes.example"
#define PW_SAMPLE_PROGRAMME_NAME         "Thinking Partners"
#define PW_SAMPLE_COORDINATOR            "Priya Raman"
#define PW_SAMPLE_COORDINATOR_ROLE       "Organisational Development Lead"
#define PW_SAMPLE_COORDINATOR_EMAIL      "priya.raman@" PW_SAMPLE_EMAIL_DOMAIN
#define PW_SAMPLE_HEAD_OF_PEOPLE         "Marcus Adebayo"
#define PW_SAMPLE_HEAD_OF_PEOPLE_ROLE    "Head of People and Culture"
#define PW_SAMPLE_HEAD_OF_PEOPLE_EMAIL   "marcus.adebayo@" PW_SAMPLE_EMAIL_DOMAIN

gint64   pw_sample_create     (PwStore  *store,
                               GError  **error);
gboolean pw_sample_add_people (PwStore  *store,
                               gint64    programme_id,
                               GError  **error);

G_END_DECLS
