/**
 * Words that mark a message as being about IT, learned from the intent examples and knowledge article titles and
 * tags, plus a small built-in lexicon. It lets deskbot treat an IT question it has no intent for ("which pdf viewer
 * do you recommend?") as a question for the knowledge base rather than as out of scope; words that also occur in
 * the out-of-scope examples never count.
 */
export interface DomainVocabulary {
  /** True when the text contains at least one IT word. */
  covers(text: string): boolean;
  readonly size: number;
}

const lexicon = `software app application program tool editor viewer install installer uninstall driver drivers linux
ubuntu windows macos mac command terminal shell shutdown reboot boot bios server database file files folder directory
disk drive partition usb bluetooth monitor screen display keyboard mouse browser chrome firefox edge website url pdf
docx xlsx excel word powerpoint sql ssh git update upgrade error crash crashes backup restore network router ip dns
proxy firewall certificate ssl vpn wifi ethernet cable printer scanner laptop desktop pc computer tablet phone mobile
android iphone email outlook calendar teams zoom slack sharepoint onedrive license licence account password login
sign-in mfa 2fa sso permission access admin sudo root kernel package repository apt gnome kde desktop-environment
graphics gpu cpu ram memory battery charger audio sound microphone webcam camera video codec font encoding cloud
storage sync vm virtual docker script code compiler ide debug api token`;

const stopWords = new Set(`the and for with what how can you need want help please have get not are was were this that
there their they them from your our out into onto about any some all one two new use using used best good way does
did doing done just like also more most very really still again when where which who why will would should could
may might must been being has had its it's i'm can't don't won't isn't doesn't thanks thank hello morning today`.split(/\s+/));

/** Lowercase words of 3+ characters (2 for things like "ip"), a trailing plural "s" dropped. */
function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9+#.-]*[a-z0-9+#]|[a-z0-9]{2}/g) ?? [])
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .filter((w) => !stopWords.has(w) && !/^\d+$/.test(w));
}

/**
 * Build the vocabulary.
 * @param itTexts intent examples, article titles and tags (anything known to be about IT)
 * @param outOfScopeTexts examples of what deskbot does not handle; their words are excluded
 */
export function buildDomainVocabulary(itTexts: string[], outOfScopeTexts: string[]): DomainVocabulary {
  const excluded = new Set(outOfScopeTexts.flatMap(words));
  const vocabulary = new Set<string>();
  for (const w of [...words(lexicon), ...itTexts.flatMap(words)]) if (!excluded.has(w) && w.length >= 3) vocabulary.add(w);
  for (const w of ['ip', 'pc', 'os', 'vm']) vocabulary.add(w);
  return {
    covers: (text) => words(text.slice(0, 2000)).some((w) => vocabulary.has(w)),
    size: vocabulary.size,
  };
}
