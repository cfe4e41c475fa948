#include "detect/fields.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace fw::detect {

namespace {

using enum DataClass;
constexpr FieldMatch W = FieldMatch::kWords;
constexpr FieldMatch S = FieldMatch::kSubstring;

// Every word, already folded (lower-case ASCII, no separators). kWords
// entries match consecutive whole words ("first name", "firstName",
// "first_name" all become "first"+"name"); kSubstring entries are German
// compounds and other stems long enough to be safe inside one word
// ("Kundentelefonnummer", "Bruttogehalt"). docs/data-classes.md mirrors
// this table; fields_test checks that every word appears there.
constexpr FieldWord kWords[] = {
    // --- personal: e-mail
    {"email", kPersonal, "email", W},
    {"emails", kPersonal, "email", W},
    {"mail", kPersonal, "email", W},
    {"mails", kPersonal, "email", W},
    {"courriel", kPersonal, "email", W},
    {"courriels", kPersonal, "email", W},
    {"correo", kPersonal, "email", W},
    {"correos", kPersonal, "email", W},
    {"mailadresse", kPersonal, "email", S},
    // --- personal: phone
    {"phone", kPersonal, "phone", W},
    {"phones", kPersonal, "phone", W},
    {"telephone", kPersonal, "phone", W},
    {"telephones", kPersonal, "phone", W},
    {"tel", kPersonal, "phone", W},
    {"telefono", kPersonal, "phone", W},
    {"telefonos", kPersonal, "phone", W},
    {"mobile", kPersonal, "phone", W},
    {"mobil", kPersonal, "phone", W},
    {"handy", kPersonal, "phone", W},
    {"cellphone", kPersonal, "phone", W},
    {"cellnumber", kPersonal, "phone", W},
    {"celular", kPersonal, "phone", W},
    {"movil", kPersonal, "phone", W},
    {"portable", kPersonal, "phone", W},
    {"fax", kPersonal, "phone", W},
    {"telefon", kPersonal, "phone", S},
    {"handynummer", kPersonal, "phone", S},
    {"mobilnummer", kPersonal, "phone", S},
    {"mobilfunknummer", kPersonal, "phone", S},
    {"rufnummer", kPersonal, "phone", S},
    // --- personal: names of people ("name" alone stays unknown, see docs)
    {"firstname", kPersonal, "person-name", W},
    {"lastname", kPersonal, "person-name", W},
    {"fullname", kPersonal, "person-name", W},
    {"givenname", kPersonal, "person-name", W},
    {"familyname", kPersonal, "person-name", W},
    {"surname", kPersonal, "person-name", W},
    {"middlename", kPersonal, "person-name", W},
    {"maidenname", kPersonal, "person-name", W},
    {"forename", kPersonal, "person-name", W},
    {"fname", kPersonal, "person-name", W},
    {"lname", kPersonal, "person-name", W},
    {"vorname", kPersonal, "person-name", W},
    {"vornamen", kPersonal, "person-name", W},
    {"nachname", kPersonal, "person-name", W},
    {"nachnamen", kPersonal, "person-name", W},
    {"familienname", kPersonal, "person-name", W},
    {"geburtsname", kPersonal, "person-name", W},
    {"prenom", kPersonal, "person-name", W},
    {"prenoms", kPersonal, "person-name", W},
    {"nomdefamille", kPersonal, "person-name", W},
    {"nomcomplet", kPersonal, "person-name", W},
    {"nomdenaissance", kPersonal, "person-name", W},
    {"apellido", kPersonal, "person-name", W},
    {"apellidos", kPersonal, "person-name", W},
    {"nombrecompleto", kPersonal, "person-name", W},
    {"vorname", kPersonal, "person-name", S},
    {"nachname", kPersonal, "person-name", S},
    {"kundenname", kPersonal, "person-name", S},
    {"patientenname", kPersonal, "person-name", S},
    {"mitarbeitername", kPersonal, "person-name", S},
    {"teilnehmername", kPersonal, "person-name", S},
    // --- personal: user names
    {"username", kPersonal, "username", W},
    {"screenname", kPersonal, "username", W},
    {"benutzername", kPersonal, "username", W},
    {"nomdutilisateur", kPersonal, "username", W},
    {"nombredeusuario", kPersonal, "username", W},
    {"benutzername", kPersonal, "username", S},
    // --- personal: date and place of birth
    {"dob", kPersonal, "date-of-birth", W},
    {"dateofbirth", kPersonal, "date-of-birth", W},
    {"birthdate", kPersonal, "date-of-birth", W},
    {"birthday", kPersonal, "date-of-birth", W},
    {"birthdays", kPersonal, "date-of-birth", W},
    {"birth", kPersonal, "date-of-birth", W},
    {"birthplace", kPersonal, "date-of-birth", W},
    {"placeofbirth", kPersonal, "date-of-birth", W},
    {"geburtsdatum", kPersonal, "date-of-birth", W},
    {"geburtstag", kPersonal, "date-of-birth", W},
    {"geburtsort", kPersonal, "date-of-birth", W},
    {"datedenaissance", kPersonal, "date-of-birth", W},
    {"naissance", kPersonal, "date-of-birth", W},
    {"fechadenacimiento", kPersonal, "date-of-birth", W},
    {"nacimiento", kPersonal, "date-of-birth", W},
    {"geburtsdatum", kPersonal, "date-of-birth", S},
    {"geburtstag", kPersonal, "date-of-birth", S},
    {"geburtsort", kPersonal, "date-of-birth", S},
    // --- personal: postal address
    {"address", kPersonal, "postal-address", W},
    {"addresses", kPersonal, "postal-address", W},
    {"addressline", kPersonal, "postal-address", W},
    {"streetaddress", kPersonal, "postal-address", W},
    {"street", kPersonal, "postal-address", W},
    {"housenumber", kPersonal, "postal-address", W},
    {"zip", kPersonal, "postal-address", W},
    {"zipcode", kPersonal, "postal-address", W},
    {"postcode", kPersonal, "postal-address", W},
    {"postalcode", kPersonal, "postal-address", W},
    {"adresse", kPersonal, "postal-address", W},
    {"adressen", kPersonal, "postal-address", W},
    {"anschrift", kPersonal, "postal-address", W},
    {"strasse", kPersonal, "postal-address", W},
    {"hausnummer", kPersonal, "postal-address", W},
    {"plz", kPersonal, "postal-address", W},
    {"postleitzahl", kPersonal, "postal-address", W},
    {"wohnort", kPersonal, "postal-address", W},
    {"codepostal", kPersonal, "postal-address", W},
    {"rue", kPersonal, "postal-address", W},
    {"direccion", kPersonal, "postal-address", W},
    {"direcciones", kPersonal, "postal-address", W},
    {"calle", kPersonal, "postal-address", W},
    {"codigopostal", kPersonal, "postal-address", W},
    {"domicilio", kPersonal, "postal-address", W},
    {"adresse", kPersonal, "postal-address", S},
    {"anschrift", kPersonal, "postal-address", S},
    {"strasse", kPersonal, "postal-address", S},
    {"postleitzahl", kPersonal, "postal-address", S},
    {"hausnummer", kPersonal, "postal-address", S},
    // --- personal: online identifiers (an IP address is personal data under the GDPR)
    {"ip", kPersonal, "ip-address", W},
    {"ipaddress", kPersonal, "ip-address", W},
    {"ipv4", kPersonal, "ip-address", W},
    {"ipv6", kPersonal, "ip-address", W},
    {"clientip", kPersonal, "ip-address", W},
    {"remoteip", kPersonal, "ip-address", W},
    {"ipadresse", kPersonal, "ip-address", W},
    {"adresseip", kPersonal, "ip-address", W},
    {"direccionip", kPersonal, "ip-address", W},
    // --- personal: government identifiers
    {"ssn", kPersonal, "national-id", W},
    {"ssns", kPersonal, "national-id", W},
    {"socialsecurity", kPersonal, "national-id", W},
    {"nationalid", kPersonal, "national-id", W},
    {"nationalidentifier", kPersonal, "national-id", W},
    {"nationalinsurance", kPersonal, "national-id", W},
    {"ninumber", kPersonal, "national-id", W},
    {"idnumber", kPersonal, "national-id", W},
    {"idcard", kPersonal, "national-id", W},
    {"identitycard", kPersonal, "national-id", W},
    {"identitynumber", kPersonal, "national-id", W},
    {"personalausweis", kPersonal, "national-id", W},
    {"ausweis", kPersonal, "national-id", W},
    {"ausweisnummer", kPersonal, "national-id", W},
    {"sozialversicherungsnummer", kPersonal, "national-id", W},
    {"svnummer", kPersonal, "national-id", W},
    {"svnr", kPersonal, "national-id", W},
    {"securitesociale", kPersonal, "national-id", W},
    {"nir", kPersonal, "national-id", W},
    {"cni", kPersonal, "national-id", W},
    {"cartedidentite", kPersonal, "national-id", W},
    {"dni", kPersonal, "national-id", W},
    {"nie", kPersonal, "national-id", W},
    {"nss", kPersonal, "national-id", W},
    {"seguridadsocial", kPersonal, "national-id", W},
    {"documentodeidentidad", kPersonal, "national-id", W},
    {"cedula", kPersonal, "national-id", W},
    {"sozialversicherung", kPersonal, "national-id", S},
    {"rentenversicherungsnummer", kPersonal, "national-id", S},
    {"personalausweis", kPersonal, "national-id", S},
    {"ausweisnummer", kPersonal, "national-id", S},
    {"passport", kPersonal, "passport", W},
    {"passports", kPersonal, "passport", W},
    {"reisepass", kPersonal, "passport", W},
    {"passnummer", kPersonal, "passport", W},
    {"passeport", kPersonal, "passport", W},
    {"pasaporte", kPersonal, "passport", W},
    {"reisepass", kPersonal, "passport", S},
    {"driverlicense", kPersonal, "driver-license", W},
    {"driverslicense", kPersonal, "driver-license", W},
    {"driverlicence", kPersonal, "driver-license", W},
    {"driverslicence", kPersonal, "driver-license", W},
    {"drivinglicense", kPersonal, "driver-license", W},
    {"drivinglicence", kPersonal, "driver-license", W},
    {"permisdeconduire", kPersonal, "driver-license", W},
    {"licenciadeconducir", kPersonal, "driver-license", W},
    {"carnetdeconducir", kPersonal, "driver-license", W},
    {"permisodeconducir", kPersonal, "driver-license", W},
    {"fuhrerschein", kPersonal, "driver-license", S},
    {"fuehrerschein", kPersonal, "driver-license", S},
    // --- personal: other facts about a person
    {"gender", kPersonal, "gender", W},
    {"geschlecht", kPersonal, "gender", W},
    {"sexe", kPersonal, "gender", W},
    {"sexo", kPersonal, "gender", W},
    {"genero", kPersonal, "gender", W},
    {"nationality", kPersonal, "nationality", W},
    {"nationalite", kPersonal, "nationality", W},
    {"nacionalidad", kPersonal, "nationality", W},
    {"staatsangehorigkeit", kPersonal, "nationality", S},
    {"staatsangehoerigkeit", kPersonal, "nationality", S},
    {"maritalstatus", kPersonal, "marital-status", W},
    {"familienstand", kPersonal, "marital-status", W},
    {"estadocivil", kPersonal, "marital-status", W},
    {"situationfamiliale", kPersonal, "marital-status", W},
    {"religion", kPersonal, "special-category", W},
    {"konfession", kPersonal, "special-category", W},
    {"ethnicity", kPersonal, "special-category", W},
    {"ethnicorigin", kPersonal, "special-category", W},
    {"sexualorientation", kPersonal, "special-category", W},
    {"politicalopinion", kPersonal, "special-category", W},
    {"politicalaffiliation", kPersonal, "special-category", W},
    {"tradeunion", kPersonal, "special-category", W},

    // --- financial
    {"iban", kFinancial, "iban", W},
    {"ibans", kFinancial, "iban", W},
    {"bic", kFinancial, "bic", W},
    {"swift", kFinancial, "bic", W},
    {"swiftcode", kFinancial, "bic", W},
    {"swiftbic", kFinancial, "bic", W},
    {"biccode", kFinancial, "bic", W},
    {"accountnumber", kFinancial, "bank-account", W},
    {"accountno", kFinancial, "bank-account", W},
    {"bankaccount", kFinancial, "bank-account", W},
    {"bankdetails", kFinancial, "bank-account", W},
    {"bankinfo", kFinancial, "bank-account", W},
    {"bankingdetails", kFinancial, "bank-account", W},
    {"accountholder", kFinancial, "bank-account", W},
    {"bankverbindung", kFinancial, "bank-account", W},
    {"kontonummer", kFinancial, "bank-account", W},
    {"kontoinhaber", kFinancial, "bank-account", W},
    {"bankleitzahl", kFinancial, "bank-account", W},
    {"blz", kFinancial, "bank-account", W},
    {"routingnumber", kFinancial, "bank-account", W},
    {"sortcode", kFinancial, "bank-account", W},
    {"numerodecompte", kFinancial, "bank-account", W},
    {"comptebancaire", kFinancial, "bank-account", W},
    {"coordonneesbancaires", kFinancial, "bank-account", W},
    {"rib", kFinancial, "bank-account", W},
    {"numerodecuenta", kFinancial, "bank-account", W},
    {"cuentabancaria", kFinancial, "bank-account", W},
    {"datosbancarios", kFinancial, "bank-account", W},
    {"kontonummer", kFinancial, "bank-account", S},
    {"bankverbindung", kFinancial, "bank-account", S},
    {"kontoinhaber", kFinancial, "bank-account", S},
    {"cardnumber", kFinancial, "card-number", W},
    {"cardnumbers", kFinancial, "card-number", W},
    {"creditcard", kFinancial, "card-number", W},
    {"creditcards", kFinancial, "card-number", W},
    {"debitcard", kFinancial, "card-number", W},
    {"ccnumber", kFinancial, "card-number", W},
    {"ccnum", kFinancial, "card-number", W},
    {"cardno", kFinancial, "card-number", W},
    {"cardholder", kFinancial, "card-number", W},
    {"kreditkarte", kFinancial, "card-number", W},
    {"kartennummer", kFinancial, "card-number", W},
    {"karteninhaber", kFinancial, "card-number", W},
    {"cartebancaire", kFinancial, "card-number", W},
    {"cartedecredit", kFinancial, "card-number", W},
    {"numerodecarte", kFinancial, "card-number", W},
    {"tarjeta", kFinancial, "card-number", W},
    {"kreditkarte", kFinancial, "card-number", S},
    {"kartennummer", kFinancial, "card-number", S},
    {"karteninhaber", kFinancial, "card-number", S},
    {"cvv", kFinancial, "card-security-code", W},
    {"cvv2", kFinancial, "card-security-code", W},
    {"cvc", kFinancial, "card-security-code", W},
    {"cvc2", kFinancial, "card-security-code", W},
    {"cardsecuritycode", kFinancial, "card-security-code", W},
    {"cryptogramme", kFinancial, "card-security-code", W},
    {"cardexpiry", kFinancial, "card-expiry", W},
    {"cardexpiration", kFinancial, "card-expiry", W},
    {"cardexp", kFinancial, "card-expiry", W},
    {"expmonth", kFinancial, "card-expiry", W},
    {"expyear", kFinancial, "card-expiry", W},
    {"expirationmonth", kFinancial, "card-expiry", W},
    {"expirationyear", kFinancial, "card-expiry", W},
    {"salary", kFinancial, "salary", W},
    {"salaries", kFinancial, "salary", W},
    {"gehalt", kFinancial, "salary", W},
    {"gehalter", kFinancial, "salary", W},
    {"lohn", kFinancial, "salary", W},
    {"salaire", kFinancial, "salary", W},
    {"salario", kFinancial, "salary", W},
    {"sueldo", kFinancial, "salary", W},
    {"wage", kFinancial, "salary", W},
    {"wages", kFinancial, "salary", W},
    {"payroll", kFinancial, "salary", W},
    {"paycheck", kFinancial, "salary", W},
    {"gehalt", kFinancial, "salary", S},
    {"income", kFinancial, "income", W},
    {"einkommen", kFinancial, "income", W},
    {"revenu", kFinancial, "income", W},
    {"revenus", kFinancial, "income", W},
    {"ingresos", kFinancial, "income", W},
    {"ingreso", kFinancial, "income", W},
    {"einkommen", kFinancial, "income", S},
    {"taxid", kFinancial, "tax-id", W},
    {"taxnumber", kFinancial, "tax-id", W},
    {"taxidentificationnumber", kFinancial, "tax-id", W},
    {"tin", kFinancial, "tax-id", W},
    {"vatid", kFinancial, "tax-id", W},
    {"vatnumber", kFinancial, "tax-id", W},
    {"steuerid", kFinancial, "tax-id", W},
    {"steuernummer", kFinancial, "tax-id", W},
    {"steueridentifikationsnummer", kFinancial, "tax-id", W},
    {"idnr", kFinancial, "tax-id", W},
    {"nif", kFinancial, "tax-id", W},
    {"numerofiscal", kFinancial, "tax-id", W},
    {"steuerid", kFinancial, "tax-id", S},
    {"steuernummer", kFinancial, "tax-id", S},
    {"steueridentifikationsnummer", kFinancial, "tax-id", S},
    {"creditscore", kFinancial, "creditworthiness", W},
    {"creditrating", kFinancial, "creditworthiness", W},
    {"schufa", kFinancial, "creditworthiness", W},
    {"bonitat", kFinancial, "creditworthiness", W},
    {"accountbalance", kFinancial, "creditworthiness", W},
    {"kontostand", kFinancial, "creditworthiness", W},

    // --- health
    {"diagnosis", kHealth, "diagnosis", W},
    {"diagnoses", kHealth, "diagnosis", W},
    {"diagnose", kHealth, "diagnosis", W},
    {"diagnosen", kHealth, "diagnosis", W},
    {"diagnostic", kHealth, "diagnosis", W},
    {"diagnostico", kHealth, "diagnosis", W},
    {"diagnosticos", kHealth, "diagnosis", W},
    {"icd", kHealth, "diagnosis", W},
    {"icdcode", kHealth, "diagnosis", W},
    {"icd10", kHealth, "diagnosis", W},
    {"diagnose", kHealth, "diagnosis", S},
    {"medication", kHealth, "medication", W},
    {"medications", kHealth, "medication", W},
    {"medicine", kHealth, "medication", W},
    {"medicines", kHealth, "medication", W},
    {"medikament", kHealth, "medication", W},
    {"medikamente", kHealth, "medication", W},
    {"medicament", kHealth, "medication", W},
    {"medicaments", kHealth, "medication", W},
    {"medicamento", kHealth, "medication", W},
    {"medicamentos", kHealth, "medication", W},
    {"prescription", kHealth, "medication", W},
    {"prescriptions", kHealth, "medication", W},
    {"dosage", kHealth, "medication", W},
    {"medikament", kHealth, "medication", S},
    {"medikation", kHealth, "medication", S},
    {"allergy", kHealth, "allergy", W},
    {"allergies", kHealth, "allergy", W},
    {"alergia", kHealth, "allergy", W},
    {"alergias", kHealth, "allergy", W},
    {"allergie", kHealth, "allergy", S},
    {"bloodtype", kHealth, "blood-type", W},
    {"bloodgroup", kHealth, "blood-type", W},
    {"blutgruppe", kHealth, "blood-type", W},
    {"groupesanguin", kHealth, "blood-type", W},
    {"gruposanguineo", kHealth, "blood-type", W},
    {"tipodesangre", kHealth, "blood-type", W},
    {"blutgruppe", kHealth, "blood-type", S},
    {"healthinsurance", kHealth, "health-insurance", W},
    {"krankenkasse", kHealth, "health-insurance", W},
    {"krankenversicherung", kHealth, "health-insurance", W},
    {"versichertennummer", kHealth, "health-insurance", W},
    {"mutuelle", kHealth, "health-insurance", W},
    {"assurancemaladie", kHealth, "health-insurance", W},
    {"cartevitale", kHealth, "health-insurance", W},
    {"segurodesalud", kHealth, "health-insurance", W},
    {"seguromedico", kHealth, "health-insurance", W},
    {"medicare", kHealth, "health-insurance", W},
    {"medicaid", kHealth, "health-insurance", W},
    {"krankenkasse", kHealth, "health-insurance", S},
    {"krankenversicherung", kHealth, "health-insurance", S},
    {"versichertennummer", kHealth, "health-insurance", S},
    {"medicalrecord", kHealth, "medical-record", W},
    {"medicalrecords", kHealth, "medical-record", W},
    {"medicalhistory", kHealth, "medical-record", W},
    {"healthrecord", kHealth, "medical-record", W},
    {"healthrecords", kHealth, "medical-record", W},
    {"patientrecord", kHealth, "medical-record", W},
    {"healthdata", kHealth, "medical-record", W},
    {"medical", kHealth, "medical-record", W},
    {"anamnese", kHealth, "medical-record", W},
    {"dossiermedical", kHealth, "medical-record", W},
    {"historiaclinica", kHealth, "medical-record", W},
    {"krankengeschichte", kHealth, "medical-record", S},
    {"gesundheit", kHealth, "medical-record", S},
    {"medicalcondition", kHealth, "medical-condition", W},
    {"healthcondition", kHealth, "medical-condition", W},
    {"symptom", kHealth, "medical-condition", W},
    {"symptoms", kHealth, "medical-condition", W},
    {"symptome", kHealth, "medical-condition", W},
    {"symptomes", kHealth, "medical-condition", W},
    {"sintoma", kHealth, "medical-condition", W},
    {"sintomas", kHealth, "medical-condition", W},
    {"disability", kHealth, "medical-condition", W},
    {"disabilities", kHealth, "medical-condition", W},
    {"handicap", kHealth, "medical-condition", W},
    {"pregnancy", kHealth, "medical-condition", W},
    {"vaccination", kHealth, "medical-condition", W},
    {"vaccinations", kHealth, "medical-condition", W},
    {"therapy", kHealth, "medical-condition", W},
    {"hiv", kHealth, "medical-condition", W},
    {"genetic", kHealth, "medical-condition", W},
    {"maladie", kHealth, "medical-condition", W},
    {"enfermedad", kHealth, "medical-condition", W},
    {"krankheit", kHealth, "medical-condition", S},
    {"behinderung", kHealth, "medical-condition", S},
    {"schwangerschaft", kHealth, "medical-condition", S},
    {"impfung", kHealth, "medical-condition", S},
    {"therapie", kHealth, "medical-condition", S},

    // --- credentials
    {"password", kCredential, "password", W},
    {"passwords", kCredential, "password", W},
    {"passwd", kCredential, "password", W},
    {"pwd", kCredential, "password", W},
    {"passphrase", kCredential, "password", W},
    {"passwort", kCredential, "password", W},
    {"kennwort", kCredential, "password", W},
    {"motdepasse", kCredential, "password", W},
    {"mdp", kCredential, "password", W},
    {"contrasena", kCredential, "password", W},
    {"clavedeacceso", kCredential, "password", W},
    {"password", kCredential, "password", S},
    {"passwort", kCredential, "password", S},
    {"kennwort", kCredential, "password", S},
    {"secret", kCredential, "secret", W},
    {"clientsecret", kCredential, "secret", W},
    {"secretkey", kCredential, "secret", W},
    {"sharedsecret", kCredential, "secret", W},
    {"token", kCredential, "token", W},
    {"accesstoken", kCredential, "token", W},
    {"refreshtoken", kCredential, "token", W},
    {"authtoken", kCredential, "token", W},
    {"bearertoken", kCredential, "token", W},
    {"apitoken", kCredential, "token", W},
    {"idtoken", kCredential, "token", W},
    {"sessiontoken", kCredential, "token", W},
    {"bottoken", kCredential, "token", W},
    {"accesstoken", kCredential, "token", S},
    {"refreshtoken", kCredential, "token", S},
    {"authtoken", kCredential, "token", S},
    {"apikey", kCredential, "api-key", W},
    {"apikeys", kCredential, "api-key", W},
    {"accesskey", kCredential, "api-key", W},
    {"privatekey", kCredential, "api-key", W},
    {"signingkey", kCredential, "api-key", W},
    {"encryptionkey", kCredential, "api-key", W},
    {"apikey", kCredential, "api-key", S},
    {"credential", kCredential, "credential", W},
    {"credentials", kCredential, "credential", W},
    {"authorization", kCredential, "credential", W},
    {"zugangsdaten", kCredential, "credential", W},

    // --- public: business data that is not about a person
    {"title", kPublic, "public", W},
    {"titel", kPublic, "public", W},
    {"titre", kPublic, "public", W},
    {"titulo", kPublic, "public", W},
    {"description", kPublic, "public", W},
    {"beschreibung", kPublic, "public", W},
    {"descripcion", kPublic, "public", W},
    {"product", kPublic, "public", W},
    {"products", kPublic, "public", W},
    {"produkt", kPublic, "public", W},
    {"produit", kPublic, "public", W},
    {"producto", kPublic, "public", W},
    {"status", kPublic, "public", W},
    {"statut", kPublic, "public", W},
    {"estado", kPublic, "public", W},
    {"category", kPublic, "public", W},
    {"categories", kPublic, "public", W},
    {"kategorie", kPublic, "public", W},
    {"categorie", kPublic, "public", W},
    {"categoria", kPublic, "public", W},
    {"tag", kPublic, "public", W},
    {"tags", kPublic, "public", W},
    {"sku", kPublic, "public", W},
    {"price", kPublic, "public", W},
    {"preis", kPublic, "public", W},
    {"prix", kPublic, "public", W},
    {"precio", kPublic, "public", W},
    {"quantity", kPublic, "public", W},
    {"qty", kPublic, "public", W},
    {"menge", kPublic, "public", W},
    {"quantite", kPublic, "public", W},
    {"cantidad", kPublic, "public", W},
    {"currency", kPublic, "public", W},
    {"wahrung", kPublic, "public", W},
    {"devise", kPublic, "public", W},
    {"moneda", kPublic, "public", W},
    {"language", kPublic, "public", W},
    {"sprache", kPublic, "public", W},
    {"langue", kPublic, "public", W},
    {"idioma", kPublic, "public", W},
    {"locale", kPublic, "public", W},
    {"slug", kPublic, "public", W},
    {"summary", kPublic, "public", W},
    {"zusammenfassung", kPublic, "public", W},
    {"headline", kPublic, "public", W},
    {"version", kPublic, "public", W},
    {"priority", kPublic, "public", W},
    {"prioritat", kPublic, "public", W},
    {"priorite", kPublic, "public", W},
    {"prioridad", kPublic, "public", W},
    {"stage", kPublic, "public", W},
    {"label", kPublic, "public", W},
    {"color", kPublic, "public", W},
    {"colour", kPublic, "public", W},
    {"farbe", kPublic, "public", W},
    {"couleur", kPublic, "public", W},
    {"size", kPublic, "public", W},
    {"timezone", kPublic, "public", W},
    {"country", kPublic, "public", W},
    {"company", kPublic, "public", W},
    {"companyname", kPublic, "public", W},
    {"firma", kPublic, "public", W},
    {"unternehmen", kPublic, "public", W},
    {"entreprise", kPublic, "public", W},
    {"empresa", kPublic, "public", W},
    {"organization", kPublic, "public", W},
    {"organisation", kPublic, "public", W},
    {"website", kPublic, "public", W},
    {"template", kPublic, "public", W},
    {"subject", kPublic, "public", W},
    {"betreff", kPublic, "public", W},
    {"asunto", kPublic, "public", W},
    {"url", kPublic, "public", W},
    {"type", kPublic, "public", W},
};

// After a personal, financial or health topic: the field describes it.
constexpr std::string_view kMetadataWords[] = {
    "template", "templates", "vorlage", "modele", "plantilla", "subject", "betreff", "asunto",
    "type", "types", "typ", "tipo", "kind", "format", "enabled", "disabled", "enable", "verified",
    "verification", "valid", "validated", "validation", "confirmed", "count", "counter", "anzahl",
    "status", "settings", "setting", "config", "configuration", "field", "fields", "column",
    "columns", "label", "provider", "service", "campaign", "campaigns", "sent", "opened", "bounced",
    "bounce", "clicked", "frequency", "notification", "notifications", "preference", "preferences",
    "optin", "optout", "opt", "consent", "domain", "server", "host", "hostname", "port", "smtp",
    "imap", "url", "uri", "link", "regex", "pattern", "mask", "required", "visible", "hidden",
    "placeholder", "id", "ids", "uuid", "index", "length", "prefix", "suffix", "app", "device",
    "view", "version", "os", "platform", "browser", "layout", "file", "files", "archive", "path",
    "folder", "directory", "filename", "binary", "compression", "node", "range", "whitelist",
    "allowlist", "blocklist", "blacklist", "filter", "restriction", "restrictions", "option",
    "options", "mode", "exists", "present", "missing", "error", "errors",
    // Parts of a message rather than an address: "email_body", "mail_text".
    "body", "content", "contents", "text", "html", "message", "messages", "attachment",
    "attachments", "signature", "thread", "header", "headers", "footer", "draft", "inbox"};

// After a credential word: the field names or describes the credential.
constexpr std::string_view kCredentialMetadataWords[] = {
    "url",        "uri",       "urls",      "endpoint", "type",    "types",       "name",
    "names",      "length",    "policy",    "expiry",   "expires", "expiration",  "expire",
    "expiresin",  "expiresat", "ttl",       "lifetime", "field",   "fields",      "header",
    "param",      "params",    "parameter", "location", "path",    "ref",         "reference",
    "version",    "hint",      "reset",     "required", "changed", "updated",     "enabled",
    "disabled",   "rotation",  "count",     "limit",    "limits",  "prefix",      "usage",
    "used",       "budget",    "id",        "ids",      "label",   "description", "placeholder",
    "validation", "strength",  "mode",      "source",   "file",    "env",         "var",
    "variable",   "template",  "manager",   "store",    "vault",   "provider",    "method",
    "property",   "format",    "regex",     "pattern",  "min",     "max",         "exists",
    "set",        "present",   "missing",   "error",    "status"};

// Before any topic: the field is a flag or an action about it.
constexpr std::string_view kFlagWords[] = {
    "send",       "sends",   "has",      "have",   "is",      "use",      "uses",   "enable",
    "disable",    "allow",   "validate", "verify", "require", "requires", "show",   "hide",
    "max",        "min",     "num",      "no",     "total",   "check",    "forgot", "reset",
    "ask",        "collect", "include",  "with",   "should",  "can",      "must",   "need",
    "needs",      "by",      "without",  "skip",   "ignore",  "page",     "next",   "continuation",
    "pagination", "cursor",  "sync",     "delta",  "resume"};

// Before "address"/"adresse": a network or machine address.
constexpr std::string_view kNetworkAddressWords[] = {
    "server",  "host",   "web",   "url",  "ip",     "ipv4",     "ipv6",      "mac",      "contract",
    "bind",    "listen", "proxy", "base", "memory", "network",  "gateway",   "node",     "endpoint",
    "local",   "remote", "smtp",  "imap", "socket", "hardware", "broadcast", "callback", "redirect",
    "webhook", "api",    "email", "mail", "wallet", "token",    "multicast", "loopback", "public"};

// Before "name" (or after "nom"/"nombre"): the name is a person's.
constexpr std::string_view kPersonNouns[] = {
    "customer", "contact",     "user",      "client",    "patient",     "employee", "person",
    "member",   "applicant",   "candidate", "recipient", "sender",      "guest",    "student",
    "lead",     "subscriber",  "buyer",     "attendee",  "participant", "owner",    "holder",
    "your",     "my",          "his",       "her",       "their",       "father",   "mother",
    "parent",   "child",       "spouse",    "partner",   "emergency",   "author",   "driver",
    "doctor",   "physician",   "kunde",     "kunden",    "mitarbeiter", "benutzer", "teilnehmer",
    "bewerber", "utilisateur", "employe",   "candidat",  "cliente",     "usuario",  "empleado",
    "paciente", "candidato",   "contacto"};

// Extra metadata words for one topic ("phone_code" is a dialling code).
struct ConceptWord {
  std::string_view topic;
  std::string_view word;
};
constexpr ConceptWord kConceptMetadata[] = {{"phone", "code"},    {"phone", "prefix"},
                                            {"phone", "country"}, {"phone", "countrycode"},
                                            {"email", "code"},    {"ip-address", "family"}};

template <size_t N>
bool In(std::string_view w, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), w) != std::end(set);
}

int Rank(DataClass c) {
  switch (c) {
    case kCredential:
      return 5;
    case kHealth:
      return 4;
    case kFinancial:
      return 3;
    case kPersonal:
      return 2;
    case kPublic:
      return 1;
    case kUnknown:
      break;
  }
  return 0;
}

// One Unicode character of a name, folded.
enum class CharKind : uint8_t { kSep, kLower, kUpper, kDigit };
struct Unit {
  std::string_view text;
  CharKind kind;
};

// U+00C0..U+00FF folded to ASCII; "" is a separator (× and ÷).
constexpr std::string_view kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
constexpr std::string_view kAsciiLower[26] = {"a", "b", "c", "d", "e", "f", "g", "h", "i",
                                              "j", "k", "l", "m", "n", "o", "p", "q", "r",
                                              "s", "t", "u", "v", "w", "x", "y", "z"};
constexpr std::string_view kDigits[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

std::vector<Unit> Units(std::string_view name) {
  std::vector<Unit> out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c >= 'a' && c <= 'z') {
      out.push_back({kAsciiLower[c - 'a'], CharKind::kLower});
      ++i;
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back({kAsciiLower[c - 'A'], CharKind::kUpper});
      ++i;
    } else if (c >= '0' && c <= '9') {
      out.push_back({kDigits[c - '0'], CharKind::kDigit});
      ++i;
    } else if (c < 0x80) {
      out.push_back({"", CharKind::kSep});
      ++i;
    } else if (c == 0xC3 && i + 1 < name.size()) {
      auto d = static_cast<unsigned char>(name[i + 1]);
      size_t idx = (d - 0x80u) & 63u;
      std::string_view t = kLatin1[idx];
      bool upper = idx < 32 && idx != 31;  // ß (U+00DF) has no capital here
      out.push_back(
          {t, t.empty() ? CharKind::kSep : (upper ? CharKind::kUpper : CharKind::kLower)});
      i += 2;
    } else if (c == 0xC5 && i + 1 < name.size() &&
               (name[i + 1] == '\x92' || name[i + 1] == '\x93')) {
      out.push_back({"oe", name[i + 1] == '\x92' ? CharKind::kUpper : CharKind::kLower});
      i += 2;
    } else {
      // Any other non-ASCII character separates words: skip its bytes.
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      out.push_back({"", CharKind::kSep});
      i += len;
    }
  }
  return out;
}

struct Index {
  std::unordered_map<std::string_view, const FieldWord*> words;
  std::vector<const FieldWord*> substrings;
  size_t longest_span = 1;  // in words, bounded below
};

const Index& GetIndex() {
  static const Index index = [] {
    Index ix;
    for (const auto& w : kWords) {
      if (w.match == FieldMatch::kWords) {
        ix.words.emplace(w.text, &w);
      } else {
        ix.substrings.push_back(&w);
      }
    }
    ix.longest_span = 6;
    return ix;
  }();
  return index;
}

bool ConceptMetadata(std::string_view topic, std::string_view word) {
  for (const auto& cm : kConceptMetadata) {
    if (cm.topic == topic && cm.word == word) return true;
  }
  return false;
}

// True when words [i, j) matched `e` but the words around make the field
// a description of the topic, a flag, or a network address.
bool Cancelled(const FieldWord& e, const std::vector<std::string>& w, size_t i, size_t j) {
  if (e.cls == kPublic) return false;
  for (size_t k = j; k < w.size(); ++k) {
    if (e.cls == kCredential ? In(w[k], kCredentialMetadataWords) : In(w[k], kMetadataWords)) {
      return true;
    }
    if (ConceptMetadata(e.topic, w[k])) return true;
  }
  if (i > 0 && In(w[i - 1], kFlagWords)) return true;
  if (e.topic == "postal-address" && i > 0 && In(w[i - 1], kNetworkAddressWords)) return true;
  return false;
}

void Consider(FieldClass& best, size_t& best_len, DataClass cls, std::string_view topic,
              size_t len) {
  if (Rank(cls) > Rank(best.cls) || (Rank(cls) == Rank(best.cls) && len > best_len)) {
    best = FieldClass{cls, topic};
    best_len = len;
  }
}

}  // namespace

std::string_view DataClassName(DataClass c) {
  switch (c) {
    case kPublic:
      return "public";
    case kPersonal:
      return "personal";
    case kFinancial:
      return "financial";
    case kHealth:
      return "health";
    case kCredential:
      return "credential";
    case kUnknown:
      break;
  }
  return "unknown";
}

bool IsProtectedDataClass(DataClass c) { return c == kPersonal || c == kFinancial || c == kHealth; }

std::vector<std::string> FieldNameWords(std::string_view name) {
  std::vector<Unit> units = Units(name);
  std::vector<std::string> words;
  std::string cur;
  CharKind prev = CharKind::kSep;
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (u.kind == CharKind::kSep) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
      prev = CharKind::kSep;
      continue;
    }
    bool boundary = false;
    if (!cur.empty()) {
      bool digit = u.kind == CharKind::kDigit;
      bool prev_digit = prev == CharKind::kDigit;
      if (digit != prev_digit) boundary = true;
      if (prev == CharKind::kLower && u.kind == CharKind::kUpper) boundary = true;
      // "ZIPCode": the last capital of a run starts the next word.
      if (prev == CharKind::kUpper && u.kind == CharKind::kUpper && i + 1 < units.size() &&
          units[i + 1].kind == CharKind::kLower) {
        boundary = true;
      }
    }
    if (boundary) {
      words.push_back(std::move(cur));
      cur.clear();
    }
    cur.append(u.text);
    prev = u.kind;
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

FieldClass ClassifyField(std::string_view name) {
  if (name.empty() || name.size() > 200) return {};
  const std::vector<std::string> w = FieldNameWords(name);
  if (w.empty()) return {};
  const Index& ix = GetIndex();
  FieldClass best;
  size_t best_len = 0;

  // Whole words and runs of words.
  std::string cat;
  for (size_t i = 0; i < w.size(); ++i) {
    cat.clear();
    for (size_t j = i; j < w.size() && j < i + ix.longest_span; ++j) {
      cat += w[j];
      auto it = ix.words.find(cat);
      if (it == ix.words.end()) continue;
      const FieldWord& e = *it->second;
      if (!Cancelled(e, w, i, j + 1)) Consider(best, best_len, e.cls, e.topic, e.text.size());
    }
  }

  // Stems inside compounds. The words the match ends in and after decide
  // cancellation, as for whole words.
  std::string joined;
  std::vector<size_t> word_end;  // offset in `joined` where each word ends
  for (const auto& word : w) {
    joined += word;
    word_end.push_back(joined.size());
  }
  for (const FieldWord* e : ix.substrings) {
    size_t pos = joined.find(e->text);
    if (pos == std::string::npos) continue;
    size_t end = pos + e->text.size();
    size_t first = 0;
    while (first < w.size() && word_end[first] <= pos) ++first;
    size_t last = first;
    while (last < w.size() && word_end[last] < end) ++last;
    if (Cancelled(*e, w, first, last + 1)) continue;
    if (e->topic == "postal-address") {
      std::string_view before(joined.data(), pos);
      bool network = false;
      for (auto nw : kNetworkAddressWords) network = network || before.ends_with(nw);
      if (network) continue;
    }
    Consider(best, best_len, e->cls, e->topic, e->text.size());
  }

  // "customer_name", "Your name", "nombre del cliente".
  for (size_t k = 0; k < w.size(); ++k) {
    bool person = false;
    if (w[k] == "name" || w[k] == "names") {
      for (size_t m = 0; m < k; ++m) person = person || In(w[m], kPersonNouns);
    } else if (w[k] == "nom" || w[k] == "nombre") {
      for (size_t m = k + 1; m < w.size(); ++m) person = person || In(w[m], kPersonNouns);
    }
    if (!person) continue;
    static constexpr FieldWord kPersonName{"name", kPersonal, "person-name", W};
    if (!Cancelled(kPersonName, w, k, k + 1)) Consider(best, best_len, kPersonal, "person-name", 4);
  }
  return best;
}

DataClass ClassifyFieldName(std::string_view name) { return ClassifyField(name).cls; }

std::span<const FieldWord> FieldWordList() { return kWords; }
std::span<const std::string_view> FieldMetadataWords() { return kMetadataWords; }
std::span<const std::string_view> CredentialMetadataWords() { return kCredentialMetadataWords; }
std::span<const std::string_view> FieldFlagWords() { return kFlagWords; }
std::span<const std::string_view> NetworkAddressWords() { return kNetworkAddressWords; }
std::span<const std::string_view> PersonNouns() { return kPersonNouns; }

}  // namespace fw::detect
