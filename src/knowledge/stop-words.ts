/**
 * English function words left out of the word index. Particles that change meaning in IT phrasing
 * ("shut down", "log in", "set up", "not") are kept on purpose.
 */
export const englishStopWords: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if into is it its itself just me more most my myself nor of once only or other our ours ourselves own same ' +
    'she should so some such than that the their theirs them themselves then there these they this those through to too ' +
    'until very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'please hi hello thanks thank im ive dont doesnt cant wont isnt don doesn didn isn wasn won aren couldn shouldn wouldn ' +
    'haven hasn s t ll m re ve d'
  ).split(' '),
);
