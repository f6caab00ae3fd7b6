/** Names that would run script if a report inserted them as markup; every test checks they stay text. */
export const HOSTILE_SEGMENT = "<img src=x onerror=alert(1)>";
export const HOSTILE_DESCRIPTION = "Above average <b>recency</b> & frequency";
