/**
 * Words that follow "password" in ordinary talk ("password: reset", "my password is expired"): never taken for a password.
 * Lower case; matched against whole alphabetic values only.
 */
export const commonWords: ReadonlySet<string> = new Set(
  `a about above after again already also an and any are as at attached because been before being below blank
   broken but by can can't cannot case change changed changes changing complex correct correctly could definitely
   did didn't different do does doesn't don't done empty expire expired expires expiring fine for forgot forgotten
   from good hard has hasn't have help here hidden his how i if in incorrect incorrectly invalid is isn't it it's its
   just lock locked lockout long lost manager me missing mine my needed new no none not now of ok okay old on or our
   please policy probably problem problems protected really redacted rejected required requirement requirements
   reset resets right same saved sensitive sent set short since so somehow still stored strong that the their them
   then there these this those to today tomorrow too unknown unlock update updated very via was wasn't weak what
   when where which who why will with won't working wrong yet you your`.split(/\s+/),
);
