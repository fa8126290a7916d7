// What: what registerStation must know before it writes: is the code taken, do the village and bank exist (T1).
// Params: $code, $villageCode, $bankCode.
// Returns: one row: codeUsed, villageFound, bankFound (booleans).
RETURN EXISTS { MATCH (:Station {code: $code}) } AS codeUsed,
       EXISTS { MATCH (:Village {code: $villageCode}) } AS villageFound,
       EXISTS { MATCH (:Bank {code: $bankCode}) } AS bankFound
