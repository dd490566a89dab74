import Holidays from 'date-holidays';

// Public holidays ("jours fériés") of metropolitan France, Code du travail art. L3133-1.
// Country 'FR' without a region leaves out Good Friday and 26 December, which are holidays only
// in Alsace-Moselle (FR-57, FR-67, FR-68). Only type 'public': 'observance' days such as
// Pentecost Sunday or Mother's Day are not days off.
// date-holidays bundles every country's rules: keep this module on the server.

let france: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlySet<string>>();

function publicHolidaysOf(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (days === undefined) {
    france ??= new Holidays('FR');
    // `date` is the local day, "2027-03-29 00:00:00".
    days = new Set(
      france
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

/** `isoDay` is "YYYY-MM-DD". */
export function isFrenchPublicHoliday(isoDay: string): boolean {
  return publicHolidaysOf(Number(isoDay.slice(0, 4))).has(isoDay);
}
