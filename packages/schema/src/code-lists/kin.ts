/**
 * Family members as exports name them (French): both the recruiter relation `family` and the recruitment channel
 * `family` recognise them.
 */
export const KIN = ['Mère', 'Père', 'Frère', 'Sœur', 'Oncle', 'Tante', 'Cousin', 'Cousine'] as const;
