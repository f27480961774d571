// Generated from apps/api/openapi.json by openapi-typescript (npm run generate -w @observatoire/api-client).
// Do not edit: change the API, update its openapi.json, then generate again.
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Database and import queue status (503 when degraded) */
    get: operations['HealthController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/associations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Associations with accounts, tokens, loaded years and last upload */
    get: operations['AdminController_associations'];
    put?: never;
    /** Create a member association */
    post: operations['AdminController_createAssociation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/associations/{id}/name-public': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record whether an association consents to being named with releases (published ones keep theirs) */
    post: operations['AdminController_setNamePublic'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/associations/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw an association: delete its data, exclude it from future releases (published ones stay) */
    post: operations['AdminController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Audit log, newest first */
    get: operations['AdminController_audit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Imports across associations, newest first */
    get: operations['AdminImportsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/imports/failures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Failed and refused imports across associations */
    get: operations['AdminController_importFailures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/releases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Same as POST /api/v1/releases (the admin pages’ path) */
    post: operations['PublishController_publishFromAdmin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/releases/{id}/notices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Attach an erratum or a retraction to a published release; its numbers stay (admin) */
    post: operations['PublishController_addNotice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/releases/notices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every erratum and retraction, newest first (admin) */
    get: operations['PublishController_allNotices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Association API tokens (never the token itself) */
    get: operations['AdminController_tokens'];
    put?: never;
    /** Create an association API token (the token is shown once) */
    post: operations['AdminController_createToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/tokens/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke an API token; it stops working at once */
    post: operations['AdminController_revokeToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accounts: members and admins, with their association */
    get: operations['AdminController_users'];
    put?: never;
    /** Create an account (a member of an association, or an admin) */
    post: operations['AdminController_createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disable a user; their sessions end at once */
    post: operations['AdminController_disableUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/associations/me/mapping-profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The association’s stored mapping profile (null when none) */
    get: operations['ImportsController_getProfile'];
    /** Replace the association’s mapping profile (used by its next imports) */
    put: operations['ImportsController_putProfile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in with e-mail and password; sets the HttpOnly session cookie */
    post: operations['AuthController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the current session at once */
    post: operations['AuthController_logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is calling (session or API token) */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s association’s imports, newest first */
    get: operations['ImportsController_list'];
    put?: never;
    /** Upload an export (multipart, field "file"); queued (202), or previewed with dryRun=true (200) */
    post: operations['ImportsController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status and import report (another association’s import is 404) */
    get: operations['ImportsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Load a previewed (dry-run) upload without sending it again; 409 when it would remove stored cases of a year not named in replaceYears */
    post: operations['ImportsController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/{id}/rejected.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rejected rows of an import: original columns plus row, column, value, message (CSV, UTF-8 BOM) */
    get: operations['SpaceController_rejected'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/{id}/rerun': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Preview a waiting file again with the association’s current mapping profile (nothing is loaded) */
    post: operations['SpaceController_rerun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/retention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What is kept of an upload and for how long (raw file, preview, rejected rows, report) */
    get: operations['ImportsController_retention'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/records.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The association’s own normalised records: French or English labels for a spreadsheet, or codes for programs (formula-safe) */
    get: operations['ImportsController_records'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/releases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Releases, newest first */
    get: operations['ReleasesController_list'];
    put?: never;
    /** Publish a release over the whole cube, with disclosure control (admin) */
    post: operations['PublishController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/releases/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One release by id or slug ("latest" for the newest) */
    get: operations['ReleasesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/releases/{id}/files/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Multi-year files of a release (every published year, every view, withheld cells with their reason): all-years.csv (French or English dialect, ?lang=fr|en), all-years-codes.csv (codes, RFC 4180), all-years.xlsx, all-years.zip (all of them, README and datapackage.json) */
    get: operations['ReleasesController_allYears'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/releases/{id}/notices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Errata and retractions attached to a release, oldest first (may grow: not pinned) */
    get: operations['ReleasesController_notices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/releases/{id}/page': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A release’s public page: associations (named when they consented) and what changed since the previous */
    get: operations['ReleasesController_page'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/releases/{id}/summary/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Yearly summary of a release: <year>.csv, .xlsx, .json or .pdf (?lang=fr|en) */
    get: operations['ReleasesController_summary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/breakdown': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Counts by the codes of one dimension, with shares from published cells only */
    get: operations['ReleasesController_breakdown'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/composition': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Associations behind each year, and each comparison with the same associations (constant panel) */
    get: operations['ReleasesController_composition'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Time series by reference year (latest release unless release= is given) */
    get: operations['ReleasesController_series'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AdminAssociation: {
      activeTokens: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      isDemo: boolean;
      /** Format: date-time */
      lastImportAt: string | null;
      name: string;
      /** @description Consents to its name being published with the releases it contributes to (from the next one) */
      namePublic: boolean;
      /** Format: date-time */
      namePublicChangedAt: string | null;
      records: number;
      /** @description Years with loaded records */
      referenceYears: number[];
      slug: string;
      users: number;
      /** Format: date-time */
      withdrawnAt: string | null;
    };
    AdminUser: {
      /** Format: uuid */
      associationId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      disabledAt: string | null;
      email: string;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      lastLoginAt: string | null;
      /** @enum {string} */
      role: 'member' | 'admin';
    };
    AggregateCell:
      | {
          value: number;
        }
      | {
          message: {
            en: string;
            fr: string;
          };
          /** @enum {string} */
          reason:
            | 'below_threshold'
            | 'below_platform_threshold'
            | 'too_few_associations'
            | 'secondary'
            | 'confidential'
            | 'derived_from_suppressed';
          /** @enum {boolean} */
          suppressed: true;
        };
    ApiToken: {
      /** Format: uuid */
      associationId: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      label: string;
      /** Format: date-time */
      lastUsedAt: string | null;
      prefix: string;
      /** Format: date-time */
      revokedAt: string | null;
    };
    AssociationNamePublic: {
      /** @description true: the name is published with the next releases; false: counted only */
      namePublic: boolean;
    };
    AssociationRef: {
      /** Format: uuid */
      id: string;
      isDemo: boolean;
      name: string;
      slug: string;
    };
    AuditEntry: {
      action: string;
      /** Format: uuid */
      actorTokenId: string | null;
      /** @enum {string} */
      actorType: 'user' | 'token' | 'cli' | 'system';
      /** Format: uuid */
      actorUserId: string | null;
      /** Format: uuid */
      associationId: string | null;
      /** Format: date-time */
      at: string;
      details: {
        [key: string]: unknown;
      };
      id: string;
      targetId: string | null;
      targetType: string | null;
    };
    Breakdown: {
      /** @enum {string} */
      dimension:
        | 'gender'
        | 'ageBand'
        | 'minor'
        | 'citizenshipRegion'
        | 'exploitationType'
        | 'exploitationGroup'
        | 'recruitmentChannel'
        | 'recruitmentChannelGroup'
        | 'recruitmentPlatform'
        | 'onlineExploitation'
        | 'exploitationPlatform'
        | 'onlineControl'
        | 'recruiterRelation';
      /** @default {} */
      filter: {
        exploitationGroup?: string;
        exploitationType?: string;
        gender?: string;
        minor?: boolean;
        recruitmentChannel?: string;
        recruitmentChannelGroup?: string;
        yearFrom?: number;
        yearTo?: number;
      };
      items: {
        cell: components['schemas']['AggregateCell'];
        code: string;
        /** @default null */
        group: string | null;
        label: {
          en: string;
          fr: string;
        };
        share?: components['schemas']['AggregateCell'];
      }[];
      label: {
        en: string;
        fr: string;
      };
      licence?: components['schemas']['Licence'];
      /** @description Items can add up to more than the total */
      multiValued: boolean;
      /** @description null when the breakdown spans the filter’s years */
      referenceYear: number | null;
      /** Format: uuid */
      releaseId: string | null;
      total: components['schemas']['AggregateCell'];
    };
    Comparison: {
      /** @description Figures over every reporting association */
      all: components['schemas']['ComparisonFigure'][];
      associations: {
        /** @description Associations that reported in `from` */
        from: number;
        /** @description Reported in `to`, not in `from` */
        joined: number;
        /** @description Reported in `from`, not in `to` (stopped sending data) */
        left: number;
        /** @description Associations that reported in every year from `from` to `to` */
        panel: number;
        /** @description Associations that reported in `to` */
        to: number;
      };
      /** @description The associations behind each side, in words */
      composition: {
        en: string;
        fr: string;
      };
      from: number;
      /** @description Figures over the constant panel */
      panel: components['schemas']['ComparisonFigure'][];
      /** @description The constant-panel comparison in words, or why it is withheld */
      panelNote: {
        en: string;
        fr: string;
      };
      /** @description The release view of the constant panel, "panel:<from>-<to>" */
      panelView: string;
      to: number;
    };
    ComparisonFigure: {
      change: components['schemas']['AggregateCell'];
      from: components['schemas']['AggregateCell'];
      /**
       * @description cases; cases recruited online; minors
       * @enum {string}
       */
      key: 'cases' | 'online' | 'minors';
      label: {
        en: string;
        fr: string;
      };
      to: components['schemas']['AggregateCell'];
    };
    CreateApiToken: {
      /** @description Association id or slug */
      association: string;
      label: string;
    };
    CreateAssociation: {
      isDemo?: boolean;
      name: string;
      slug: string;
    };
    CreatedApiToken: {
      apiToken: components['schemas']['ApiToken'];
      /** @description Shown once: store it now */
      token: string;
    };
    CreateUser: {
      /** @description Association id or slug (required for members) */
      association?: string;
      email: string;
      password: string;
      /**
       * @default member
       * @enum {string}
       */
      role: 'member' | 'admin';
    };
    DisclosureRule: {
      /**
       * @description Minimum contributing associations per cell
       * @default 2
       */
      minAssociations: number;
      /**
       * @description Threshold for breakdowns by platform
       * @default 10
       */
      platformThreshold: number;
      /**
       * @description A count below this is withheld
       * @default 5
       */
      threshold: number;
    };
    FieldReading: {
      codes: {
        code: string;
        count: number;
      }[];
      columns: string[];
      field: string;
      synonyms: {
        codes: string[];
        column: string;
        count: number;
        rawValue: string;
      }[];
      unknown: number;
      unknownValues: {
        column: string;
        count: number;
        rawValue: string;
      }[];
    };
    Health: {
      /** @enum {string} */
      database: 'ok' | 'down';
      /** @enum {string} */
      queue: 'ok' | 'down' | 'disabled';
      /** @enum {string} */
      status: 'ok' | 'degraded';
    };
    Import: {
      /** Format: uuid */
      associationId: string;
      associationName: string;
      associationSlug: string;
      counts: {
        recordsNew: number;
        recordsRemoved: number;
        recordsReplaced: number;
        recordsUnchanged: number;
        rowsAccepted: number;
        rowsRead: number;
        rowsRejected: number;
      };
      /** Format: date-time */
      createdAt: string;
      dryRun: boolean;
      /** @description The same file was already uploaded: this is that upload */
      duplicate?: boolean;
      /** Format: date-time */
      finishedAt: string | null;
      format: string | null;
      /** Format: uuid */
      id: string;
      referenceYears: number[];
      /** @description The ETL import report, once processed */
      report: components['schemas']['ImportReport'] | null;
      retention: components['schemas']['ImportRetention'];
      /** @enum {string} */
      status: 'received' | 'validated' | 'loading' | 'committed' | 'failed' | 'refused' | 'superseded';
      supersededYears: number[];
    };
    ImportConfirm: {
      /** @description Years whose stored cases this upload may remove or replace, as the preview listed them */
      replaceYears?: number[];
    };
    ImportFailure: {
      /** Format: uuid */
      associationId: string;
      associationSlug: string;
      /** Format: date-time */
      createdAt: string;
      dryRun: boolean;
      /** Format: date-time */
      finishedAt: string | null;
      format: string | null;
      /** Format: uuid */
      id: string;
      /** @description The ETL import report (importReportSchema) */
      report: unknown;
      /** @enum {string} */
      status: 'failed' | 'refused';
    };
    ImportIssue: {
      candidates?: string[];
      code: string;
      column?: string | number;
      count?: number;
      message: {
        en: string;
        fr: string;
      };
      rawValue?: string;
      row?: number;
      rows?: number[];
      /** @enum {string} */
      severity: 'error' | 'warning' | 'info';
    };
    /** Import report of one upload */
    ImportReport: {
      association: string;
      /** Format: uuid */
      batchId: string | null;
      columns: {
        doubtful?: boolean;
        field: string | null;
        header: string;
        index: number;
        needsDecision?: boolean;
        /** @enum {string} */
        reading?: 'one_hot' | 'data' | 'varied' | 'empty';
        samples?: {
          count: number;
          value: string;
        }[];
        /** @enum {string} */
        status: 'mapped' | 'wide' | 'unmapped' | 'ignored' | 'free_text' | 'identifier' | 'dropped';
        suggestedCode?: {
          code: string;
          field: string;
        };
        suggestedField?: string;
        suggestion?: string;
      }[];
      contentHash: string;
      counts: {
        recordsNew: number;
        recordsRemoved: number;
        recordsReplaced: number;
        recordsUnchanged: number;
        rowsAccepted: number;
        rowsRead: number;
        rowsRejected: number;
        rowsSkipped: number;
      };
      declaredTotal: number | null;
      delimiter?: string;
      dryRun: boolean;
      durationMs: number;
      encoding?: string;
      errors: components['schemas']['ImportIssue'][];
      errorsTruncated: number;
      fileName: string;
      format: string | null;
      headerChanges: {
        appeared: string[];
        renamed: {
          from: string;
          to: string;
        }[];
        vanished: string[];
      } | null;
      headerRow: number | null;
      /** @enum {string} */
      outcome: 'committed' | 'dry_run' | 'duplicate' | 'rejected' | 'refused' | 'failed';
      referenceYears: number[];
      refusal?: {
        code: string;
        columns?: string[];
        message: {
          en: string;
          fr: string;
        };
      } | null;
      schemaVersion?: string;
      sheet?: string;
      summary: {
        en: string;
        fr: string;
      };
      understood?: components['schemas']['FieldReading'][];
      warnings: components['schemas']['ImportIssue'][];
      yearChanges?: components['schemas']['ImportYearChange'][];
    };
    ImportRetention: {
      /**
       * Format: date-time
       * @description A preview’s file is deleted at this time at the latest
       */
      fileDeleteBy: string | null;
      /** @description The raw file is still stored (queued, being read, or a preview) */
      fileKept: boolean;
      /** @description What is kept of this upload and for how long */
      message: {
        en: string;
        fr: string;
      };
      /**
       * Format: date-time
       * @description The rejected rows (coded columns only) are kept until then
       */
      rejectedRowsUntil: string | null;
    };
    ImportYearChange: {
      /** @description Cases of the year stored once this upload is loaded */
      after: number;
      /** @description Cases of the year stored before this upload */
      before: number;
      new: number;
      /** @description More than half the stored cases of the year would go: probably a partial export */
      partial: boolean;
      /** @description Stored cases of the year that this upload does not contain */
      removed: number;
      replaced: number;
      unchanged: number;
      year: number;
    };
    Licence: {
      /** @description Name of the licence */
      name: string;
      /** @description SPDX identifier */
      spdx: string;
      /**
       * Format: uri
       * @description Where the licence is published
       */
      url: string;
    };
    LoginRequest: {
      email: string;
      password: string;
    };
    /** ETL mapping profile of an association export */
    MappingProfile: {
      /** @default {} */
      columns: {
        [key: string]:
          | (
              | 'caseId'
              | 'referenceYear'
              | 'referenceDate'
              | 'age'
              | 'ageBand'
              | 'gender'
              | 'citizenship'
              | 'exploitationTypes'
              | 'recruitmentChannels'
              | 'recruitmentPlatforms'
              | 'onlineExploitation'
              | 'exploitationPlatforms'
              | 'onlineControl'
              | 'exploitationCountry'
              | 'recruiterRelation'
              | 'freeText'
              | 'birthDate'
            )
          | 'ignore';
      };
      headerRow?: number;
      referenceYear?:
        | {
            column: string;
          }
        | {
            dateColumn: string;
          }
        | {
            fixed: number;
          };
      separators?: string[];
      sheet?: string;
      truthy?: string[];
      /** @default {} */
      values: {
        [key: string]: {
          [key: string]: string;
        };
      };
      /**
       * @default 1
       * @enum {number}
       */
      version: 1;
      /** @default [] */
      wide: {
        code: string;
        column: string;
        /** @enum {string} */
        field:
          | 'exploitationTypes'
          | 'recruitmentChannels'
          | 'recruitmentPlatforms'
          | 'exploitationPlatforms'
          | 'citizenship';
      }[];
    };
    Me: {
      association: components['schemas']['AssociationRef'] | null;
      email: string | null;
      /** @enum {string} */
      role: 'member' | 'admin';
      /** Format: uuid */
      userId: string | null;
      /** @enum {string} */
      via: 'session' | 'token';
    };
    NamedAssociation: {
      name: string;
      slug: string;
    };
    NewReleaseNotice: {
      /** @enum {string} */
      kind: 'erratum' | 'retraction';
      text: {
        en: string;
        fr: string;
      };
    };
    Problem: {
      /** @description Stable machine-readable code (validation_failed, unauthenticated, …) */
      code: string;
      /** @description French, a line break, English */
      detail: string;
      errors?: {
        message: {
          en: string;
          fr: string;
        };
        /** @description Field or parameter, dotted ("dimension", "notes.fr") */
        path: string;
      }[];
      /** @description The request path */
      instance?: string;
      messages: {
        en: string;
        fr: string;
      };
      /** @description Also in the X-Request-Id header and the server log */
      requestId?: string;
      status: number;
      /** @description French / English */
      title: string;
      /** @description urn:observatoire:problem:<code> */
      type: string;
    };
    PublishRelease: {
      annotations?: components['schemas']['ReleaseAnnotation'][];
      notes?: {
        en: string;
        fr: string;
      } | null;
      slug?: string;
      title?: {
        en: string;
        fr: string;
      };
    };
    Release: {
      /**
       * @description Notes drawn on the time-series charts, at most one per reference year, ascending
       * @default []
       */
      annotations: components['schemas']['ReleaseAnnotation'][];
      contributingAssociations: number;
      /**
       * @description Associations behind each reference year, as published (frozen years keep their published count)
       * @default {}
       */
      contributingByYear: {
        [key: string]: number;
      };
      /** Format: date-time */
      createdAt: string;
      /**
       * @description Built from fictional demo data (the dashboard then shows a "fictional demo data" banner)
       * @default false
       */
      demo: boolean;
      disclosureRule: components['schemas']['DisclosureRule'];
      /** @default [] */
      files: {
        bytes?: number;
        /** @enum {string} */
        format: 'csv' | 'xlsx' | 'json' | 'pdf';
        referenceYear: number;
        sha256?: string;
        url: string;
      }[];
      /**
       * @description Years an earlier release published, carried forward unchanged (see the methodology)
       * @default []
       */
      frozenYears: number[];
      /** Format: uuid */
      id: string;
      licence?: components['schemas']['Licence'];
      /** @default null */
      notes: {
        en: string;
        fr: string;
      } | null;
      /** Format: date-time */
      publishedAt: string | null;
      /** @description Per chart id: share of the persons counted in the chart's default view that sit in published cells, and share of its cells published */
      publishedMass?: {
        [key: string]: {
          cells: number;
          persons: number;
        };
      };
      /** @description Reference years covered, ascending */
      referenceYears: number[];
      schemaVersion: string;
      /** @description Human id, e.g. "2025-07-30" */
      slug: string;
      /** @enum {string} */
      status: 'draft' | 'published' | 'withdrawn';
      /**
       * Format: uuid
       * @default null
       */
      supersedesId: string | null;
      title: {
        en: string;
        fr: string;
      };
    };
    ReleaseAnnotation: {
      text: {
        en: string;
        fr: string;
      };
      year: number;
    };
    ReleaseComposition: {
      comparisons: components['schemas']['Comparison'][];
      /** Format: uuid */
      releaseId: string;
      years: {
        associations: number;
        year: number;
      }[];
    };
    ReleaseNotice: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'erratum' | 'retraction';
      /** Format: uuid */
      releaseId: string;
      releaseSlug: string;
      text: {
        en: string;
        fr: string;
      };
    };
    ReleasePage: {
      associations: {
        /** @description Associations contributing to each reference year, ascending */
        byYear: {
          count: number;
          year: number;
        }[];
        /** @description Contributing associations that consented to be named */
        named: components['schemas']['NamedAssociation'][];
        /** @description False for releases published before consent was recorded: no names can be shown */
        recorded: boolean;
        /** @description Associations whose records the release is built from */
        total: number;
        /** @description Contributing associations not named (counted only) */
        unnamed: number;
      };
      /** @description Null for the first release */
      changes: {
        /** @description Null when the previous release did not record its associations */
        joined: {
          count: number;
          named: components['schemas']['NamedAssociation'][];
        } | null;
        left: {
          count: number;
          named: components['schemas']['NamedAssociation'][];
        } | null;
        previous: {
          /** Format: uuid */
          id: string;
          /** Format: date-time */
          publishedAt: string;
          slug: string;
          title: {
            en: string;
            fr: string;
          };
        };
        /** @description Whether the disclosure rule differs from the previous release */
        ruleChanged: boolean;
        yearsAdded: number[];
        /** @description Years whose data did not change: figures kept identical */
        yearsFrozen: number[];
        yearsRemoved: number[];
        /** @description Years whose data changed: their figures were recomputed */
        yearsRevised: number[];
      } | null;
      release: components['schemas']['Release'];
    };
    RerunResult: {
      /** Format: uuid */
      id: string;
    };
    RetentionPolicy: {
      /** @description What is kept of an upload and for how long */
      message: {
        en: string;
        fr: string;
      };
      /** @description Hours an unconfirmed preview keeps its file */
      previewMaxAgeHours: number;
      /** @description Days the rejected rows (coded columns only) are kept */
      rejectedRowsDays: number;
    };
    Series: {
      /** @default null */
      code: string | null;
      /**
       * @default null
       * @enum {string|null}
       */
      dimension:
        | 'gender'
        | 'ageBand'
        | 'minor'
        | 'citizenshipRegion'
        | 'exploitationType'
        | 'exploitationGroup'
        | 'recruitmentChannel'
        | 'recruitmentChannelGroup'
        | 'recruitmentPlatform'
        | 'onlineExploitation'
        | 'exploitationPlatform'
        | 'onlineControl'
        | 'recruiterRelation'
        | null;
      /** @default null */
      group: string | null;
      /** @description Stable id, e.g. "cases" or "recruitmentChannel:social_network" */
      key: string;
      label: {
        en: string;
        fr: string;
      };
      /**
       * @default cases
       * @enum {string}
       */
      measure: 'cases' | 'share';
      points: {
        cell: components['schemas']['AggregateCell'];
        year: number;
      }[];
    };
    SeriesSet: {
      /** @default {} */
      filter: {
        exploitationGroup?: string;
        exploitationType?: string;
        gender?: string;
        minor?: boolean;
        recruitmentChannel?: string;
        recruitmentChannelGroup?: string;
        yearFrom?: number;
        yearTo?: number;
      };
      licence?: components['schemas']['Licence'];
      /** Format: uuid */
      releaseId: string | null;
      series: components['schemas']['Series'][];
    };
    UploadForm: {
      /**
       * @description Preview only: nothing is stored
       * @enum {string}
       */
      dryRun?: '0' | '1' | 'true' | 'false';
      /** @description The export file (CSV, TSV, TXT, XLSX, JSON, NDJSON; not .xls or .ods) */
      file: string;
      /** @description Mapping profile as JSON (mappingProfileSchema) */
      profile?: string;
      /** @description Years (comma-separated) whose stored cases this upload may remove; without it such an import fails */
      replaceYears?: string;
    };
    Withdrawal: {
      association: components['schemas']['AdminAssociation'];
      importsDeleted: number;
      recordsDeleted: number;
    };
    YearlySummary: {
      breakdowns: components['schemas']['Breakdown'][];
      cases: components['schemas']['AggregateCell'];
      /** @default [] */
      caveats: {
        en: string;
        fr: string;
      }[];
      /**
       * @description The year compared with the previous one: associations on each side, constant panel
       * @default null
       */
      comparison: components['schemas']['Comparison'] | null;
      contributingAssociations: number;
      disclosureRule: components['schemas']['DisclosureRule'];
      /** Format: date-time */
      generatedAt: string;
      licence?: components['schemas']['Licence'];
      methodology: {
        en: string;
        fr: string;
      };
      minors: components['schemas']['AggregateCell'];
      onlineCases: components['schemas']['AggregateCell'];
      onlineShare: components['schemas']['AggregateCell'];
      previousYear: {
        cases: components['schemas']['AggregateCell'];
        change: components['schemas']['AggregateCell'];
        referenceYear: number;
      } | null;
      referenceYear: number;
      /** Format: uuid */
      releaseId: string | null;
      schemaVersion: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_get: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      /** @description Degraded: the same body, saying which part is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  AdminController_associations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminAssociation'][];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_createAssociation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateAssociation'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminAssociation'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_setNamePublic: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssociationNamePublic'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminAssociation'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_withdraw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Withdrawal'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_audit: {
    parameters: {
      query?: {
        association?: string;
        /** @description Entries with an id below this one (paging) */
        before?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEntry'][];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminImportsController_list: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Import'][];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_importFailures: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportFailure'][];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PublishController_publishFromAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PublishRelease'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Release'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PublishController_addNotice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Release id, slug or "latest" (default) */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NewReleaseNotice'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReleaseNotice'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PublishController_allNotices: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReleaseNotice'][];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_tokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiToken'][];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_createToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiToken'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiToken'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_revokeToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiToken'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_users: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'][];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUser'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AdminController_disableUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ImportsController_getProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MappingProfile'] | null;
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ImportsController_putProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MappingProfile'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MappingProfile'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AuthController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginRequest'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says, or the account or address is locked after failed logins */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AuthController_logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ImportsController_list: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Import'][];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ImportsController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['UploadForm'];
      };
    };
    responses: {
      /** @description Received and queued */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Import'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ImportsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Import'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ImportsController_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ImportConfirm'];
      };
    };
    responses: {
      /** @description OK */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Import'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  SpaceController_rejected: {
    parameters: {
      query?: {
        lang?: 'fr' | 'en';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  SpaceController_rerun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RerunResult'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ImportsController_retention: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RetentionPolicy'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ImportsController_records: {
    parameters: {
      query?: {
        /** @description Admin only: association id or slug */
        association?: string;
        /** @description fr: French labels for a spreadsheet (';', decimal comma, UTF-8 BOM); en: English labels (',', BOM); codes: column names and codes for programs (RFC 4180, no BOM) */
        format?: 'fr' | 'en' | 'codes';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReleasesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Release'][];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  PublishController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PublishRelease'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Release'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not logged in, or the session or token has ended */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this account, or a change from another site (CSRF) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReleasesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Release'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReleasesController_allYears: {
    parameters: {
      query?: {
        lang?: 'fr' | 'en';
      };
      header?: never;
      path: {
        file: 'all-years.csv' | 'all-years-codes.csv' | 'all-years.xlsx' | 'all-years.zip';
        /** @description Release id, slug or "latest" (default) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, as its name says */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'application/zip': string;
          'text/csv': string;
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReleasesController_notices: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Release id, slug or "latest" (default) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReleaseNotice'][];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReleasesController_page: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Release id, slug or "latest" (default) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReleasePage'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReleasesController_summary: {
    parameters: {
      query?: {
        lang?: 'fr' | 'en';
      };
      header?: never;
      path: {
        file: string;
        /** @description Release id, slug or "latest" (default) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The summary file (CSV in UTF-8 with BOM, XLSX, JSON or PDF, as the file name says) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['YearlySummary'];
          'application/pdf': string;
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          'text/csv': string;
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Nothing with this id or slug (or it belongs to another association) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReleasesController_breakdown: {
    parameters: {
      query: {
        dimension:
          | 'gender'
          | 'ageBand'
          | 'minor'
          | 'citizenshipRegion'
          | 'exploitationType'
          | 'exploitationGroup'
          | 'recruitmentChannel'
          | 'recruitmentChannelGroup'
          | 'recruitmentPlatform'
          | 'onlineExploitation'
          | 'exploitationPlatform'
          | 'onlineControl'
          | 'recruiterRelation';
        exploitationType?: string;
        recruitmentChannelGroup?: string;
        /** @description Release id, slug or "latest" (default) */
        release?: string;
        year?: number;
        yearFrom?: number;
        yearTo?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Breakdown'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReleasesController_composition: {
    parameters: {
      query?: {
        /** @description Release id, slug or "latest" (default) */
        release?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReleaseComposition'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  ReleasesController_series: {
    parameters: {
      query?: {
        /** @description Comma-separated codes of the dimension */
        codes?: string;
        dimension?:
          | 'cases'
          | 'gender'
          | 'ageBand'
          | 'minor'
          | 'citizenshipRegion'
          | 'exploitationType'
          | 'exploitationGroup'
          | 'recruitmentChannel'
          | 'recruitmentChannelGroup'
          | 'recruitmentPlatform'
          | 'onlineExploitation'
          | 'exploitationPlatform'
          | 'onlineControl'
          | 'recruiterRelation';
        exploitationType?: string;
        /** @description Same associations: the series over the associations that reported in every year from <from> to <to> */
        panel?: string;
        recruitmentChannelGroup?: string;
        /** @description Release id, slug or "latest" (default) */
        release?: string;
        yearFrom?: number;
        yearTo?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SeriesSet'];
        };
      };
      /** @description A parameter or the body is invalid (each field listed) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this address: wait as Retry-After says */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
