-- 0003: the county's catalogues: Omaolo services and training courses. Global tables.

-- The Omaolo service catalogue. The code is the stable key (used in CSV usage imports,
-- the API and reports); names are for people.
CREATE TABLE omaolo_services (
    id         uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    code       text        NOT NULL UNIQUE
               CHECK (code ~ '^[a-z0-9]+(_[a-z0-9]+)*$' AND length(code) BETWEEN 2 AND 64),
    family     text        NOT NULL
               CHECK (family IN ('symptom_assessment', 'service_assessment', 'health_check',
                                 'wellbeing_check', 'periodic_check', 'coaching', 'own_plan')),
    name_fi    text        NOT NULL CHECK (length(name_fi) BETWEEN 1 AND 200),
    name_en    text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE omaolo_services IS 'Omaolo services the organisations of the county can deploy.';

INSERT INTO omaolo_services (code, family, name_fi, name_en) VALUES
    -- oirearviot (symptom assessments)
    ('symptom_respiratory_infection',  'symptom_assessment', 'Hengitystieinfektio', 'Respiratory infection'),
    ('symptom_urinary_tract_infection', 'symptom_assessment', 'Virtsatieinfektio', 'Urinary tract infection'),
    ('symptom_back_pain',              'symptom_assessment', 'Selkäkipu', 'Back pain'),
    ('symptom_oral_health',            'symptom_assessment', 'Suun terveys', 'Oral health'),
    ('symptom_sore_throat',            'symptom_assessment', 'Kurkkukipu', 'Sore throat'),
    ('symptom_cough',                  'symptom_assessment', 'Yskä', 'Cough'),
    ('symptom_ear_pain',               'symptom_assessment', 'Korvakipu', 'Ear pain'),
    ('symptom_shoulder',               'symptom_assessment', 'Olkapäävaivat', 'Shoulder problems'),
    ('symptom_knee',                   'symptom_assessment', 'Polvivaivat', 'Knee problems'),
    ('symptom_headache',               'symptom_assessment', 'Päänsärky', 'Headache'),
    ('symptom_heartburn',              'symptom_assessment', 'Närästys', 'Heartburn'),
    ('symptom_diarrhoea',              'symptom_assessment', 'Ripuli', 'Diarrhoea'),
    ('symptom_eye',                    'symptom_assessment', 'Silmän rähmiminen, vetistys tai punoitus', 'Eye discharge, watering or redness'),
    ('symptom_anal_region',            'symptom_assessment', 'Peräaukon seudun oire', 'Anal region symptoms'),
    ('symptom_sexually_transmitted_infection', 'symptom_assessment', 'Seksitautiepäily', 'Suspected sexually transmitted infection'),
    ('symptom_coronavirus',            'symptom_assessment', 'Koronavirustartunta', 'Coronavirus infection'),
    -- palveluarviot (service assessments)
    ('service_older_people',           'service_assessment', 'Ikäihmisten palvelujen palveluarvio', 'Services for older people'),
    ('service_families_with_children', 'service_assessment', 'Lapsiperheiden palvelujen palveluarvio', 'Services for families with children'),
    ('service_adult_social_work',      'service_assessment', 'Aikuissosiaalityön palveluarvio', 'Adult social work'),
    ('service_mental_health_substance_use', 'service_assessment', 'Mielenterveys- ja päihdepalvelujen palveluarvio', 'Mental health and substance use services'),
    ('service_oral_health_care',       'service_assessment', 'Suun terveydenhuollon palveluarvio', 'Oral health care'),
    -- terveystarkastus, hyvinvointitarkastus
    ('health_check',                   'health_check',       'Terveystarkastus', 'Health check'),
    ('wellbeing_check',                'wellbeing_check',    'Hyvinvointitarkastus', 'Wellbeing check'),
    -- määräaikaistarkastukset (periodic checks of long-term conditions)
    ('periodic_type2_diabetes',        'periodic_check',     'Tyypin 2 diabeteksen määräaikaistarkastus', 'Periodic check: type 2 diabetes'),
    ('periodic_hypertension',          'periodic_check',     'Kohonneen verenpaineen määräaikaistarkastus', 'Periodic check: high blood pressure'),
    -- hyvinvointivalmennukset (coaching programmes)
    ('coaching_mental_wellbeing',      'coaching',           'Mielen hyvinvoinnin valmennus', 'Mental wellbeing coaching'),
    ('coaching_weight_management',     'coaching',           'Painonhallinnan valmennus', 'Weight management coaching'),
    ('coaching_sleep',                 'coaching',           'Unen ja unettomuuden valmennus', 'Sleep and insomnia coaching'),
    ('coaching_physical_activity',     'coaching',           'Liikunnan valmennus', 'Physical activity coaching'),
    -- oma suunnitelma
    ('own_plan',                       'own_plan',           'Oma suunnitelma', 'Own plan')
ON CONFLICT (code) DO NOTHING;

-- Training courses (county catalogue). Granting a role assigns its mandatory courses.
CREATE TABLE training_courses (
    id                  uuid        NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    code                text        NOT NULL UNIQUE
                        CHECK (code ~ '^[a-z0-9]+(_[a-z0-9]+)*$' AND length(code) BETWEEN 2 AND 64),
    title               text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description         text        NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    -- the roles (county or organisation roles) for which the course is mandatory
    mandatory_for_roles text[]      NOT NULL DEFAULT '{}'
                        CHECK (mandatory_for_roles <@ ARRAY['county_admin', 'support_agent', 'reporter',
                                                            'org_admin', 'omaolo_contact', 'professional']::text[]
                               AND array_position(mandatory_for_roles, NULL) IS NULL),
    days_to_complete    integer     NOT NULL DEFAULT 30 CHECK (days_to_complete BETWEEN 1 AND 3650),
    -- NULL = a completion never expires; otherwise expiry = completion + validity
    validity_months     integer     NULL CHECK (validity_months BETWEEN 1 AND 600),
    active              boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
-- "Which courses are mandatory for role X?"
CREATE INDEX training_courses_mandatory_for_roles ON training_courses USING gin (mandatory_for_roles);
