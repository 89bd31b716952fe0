/**
 * Constructions of real coverage that the decision handles across rules
 * (each sentence written for this test): who denies in a second clause,
 * reprisals, units whose trade is intrusion, and claim owners.
 */
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';

const detector = new Detector();
const first = (text: string) => detector.detect(text).allegations[0];

describe('constructions across rules', () => {
  it('reads a denial in the second clause as the accused answering the first clause', () => {
    expect(
      first('Britain named the GRU as the culprit, but Moscow said the claims were “pure Russophobia”.'),
    ).toMatchObject({ stance: 'denial', accused: 'RU', accuser: 'GB' });
    expect(
      first(
        "Le groupe APT41 serait lié au ministère chinois de la Sécurité d'État, mais Pékin juge ces accusations « sans fondement ».",
      ),
    ).toMatchObject({ stance: 'denial', accused: 'CN' });
  });

  it('blames the state a reprisal for an operation is aimed at', () => {
    expect(first('Germany summons Russian ambassador over Bundestag hack')).toMatchObject({
      accused: 'RU',
      accuser: 'DE',
    });
    expect(first("L'Albanie rompt ses relations diplomatiques avec l'Iran, accusé d'une cyberattaque")).toMatchObject({
      accused: 'IR',
      accuser: 'AL',
    });
  });

  it('takes a unit whose trade is intrusion, blamed without a cyber word, as an allegation', () => {
    expect(first('Britain said the GRU was to blame, calling it a reckless campaign.')).toMatchObject({
      accused: 'RU',
      accuser: 'GB',
    });
    // The same blame about a poisoning is not a cyber operation.
    expect(
      detector.detect('Britain said the GRU was to blame for the nerve-agent poisoning in Salisbury.').allegations,
    ).toEqual([]);
  });

  it('names the owner of the claims a denial rejects before any other source', () => {
    expect(
      first(
        "Selon Bloomberg, la NSA et le département d'État ont rejeté les allégations chinoises de cyberespionnage.",
      ),
    ).toMatchObject({ stance: 'denial', accused: 'US', accuser: 'CN' });
    expect(first("Pyongyang a qualifié d'« absurdes » les accusations américaines de piratage.")).toMatchObject({
      stance: 'denial',
      accused: 'KP',
      accuser: 'US',
    });
  });

  it('lets the organisation whose team speaks be the source', () => {
    expect(
      first("Iranian hackers phished a campaign official, Microsoft's threat intelligence team said."),
    ).toMatchObject({
      accused: 'IR',
      accuser: 'Microsoft',
    });
  });

  it('reads a generic attack as the object of a light verb when the sentence names the operation', () => {
    expect(
      first(
        'Beijing said the NSA had carried out more than ten thousand malicious attacks on Northwestern Polytechnical University.',
      ),
    ).toMatchObject({ stance: 'accusation', accused: 'US', accuser: 'CN' });
    // Without an operation named, "launched attacks" is not read as one.
    expect(first('Rebels said the army had launched attacks on three villages.')).toBeUndefined();
  });

  it('takes "a cyberattack by X" as naming the agent, whatever verb came first', () => {
    expect(
      first(
        "Islamabad said its services had uncovered a large cyberattack by Indian intelligence on officials' phones.",
      ),
    ).toMatchObject({ accused: 'IN', accuser: 'PK' });
    // The charge of a passive accusation keeps "by" as the accuser.
    expect(first('China accused of cyberattacks by Washington and London')).toMatchObject({
      accused: 'CN',
      accuser: 'US',
    });
  });

  it('reads a negated support verb on a cyber operation as a denial', () => {
    expect(
      first("L'ambassade a assuré que Pékin « ne tolère aucune forme de piratage », en réponse au rapport de Manille."),
    ).toMatchObject({ stance: 'denial', accused: 'CN' });
    expect(first('Beijing has never encouraged or supported hacking of any kind, the spokeswoman said.')).toMatchObject(
      {
        stance: 'denial',
        accused: 'CN',
      },
    );
  });

  it('turns a charge set aside while blaming another into a counter-accusation', () => {
    expect(
      first(
        '“The Zionist regime is the main source of cyberattacks in our region,” the official said, brushing the charge aside.',
      ),
    ).toMatchObject({ stance: 'counter_accusation', accused: 'IL' });
    // Officials setting aside a denial are not answering a charge.
    expect(
      first('Officials dismissed the Kremlin’s denials and said Russia was behind the cyberattack.'),
    ).toMatchObject({ stance: 'accusation', accused: 'RU' });
  });

  it('names the West as accuser on what the West says, not elsewhere', () => {
    expect(first('La Chine rejette les accusations occidentales de cyberespionnage')).toMatchObject({
      stance: 'denial',
      accused: 'CN',
      accuser: 'West',
    });
    expect(first('Moscow rejected the Western allegations of hacking as “Russophobic”.')).toMatchObject({
      accuser: 'West',
    });
    expect(first('Western hackers breached the ministry, Chinese officials said.')?.accused).not.toBe('West');
  });

  it('reads an operation linked or tied to an actor, and the one who links it as accuser', () => {
    expect(first('Prosecutors link the $300m crypto exchange hack to North Korea')).toMatchObject({
      stance: 'accusation',
      accused: 'KP',
    });
    expect(first('Les enquêteurs relient le piratage de la mairie à la Russie.')).toMatchObject({ accused: 'RU' });
    // Linking something that is not an operation accuses nobody of one.
    expect(detector.detect('Economists link the rise in grain prices to Russia.').allegations).toEqual([]);
  });

  it('reads calling a link "irresponsible" as the accused denying it', () => {
    expect(
      first('The Russian embassy said it was “irresponsible” to tie the breaches of the ministry to Russia.'),
    ).toMatchObject({ stance: 'denial', accused: 'RU' });
  });

  it('takes infecting phones and computers, back doors and a quoted cyber army as operations', () => {
    expect(
      first('Investigators said Chinese intelligence had infected the phones of several activists.'),
    ).toMatchObject({ accused: 'CN' });
    expect(first('Officials said Iran had planted back doors in the utility’s control systems.')).toMatchObject({
      accused: 'IR',
    });
  });

  it('keeps "an inquiry into" from being read as the target of an intrusion', () => {
    const found = first('Canada opened an inquiry into the hacking of its foreign ministry by Chinese groups.');
    expect(found?.accused).toBe('CN');
    expect(found?.target).not.toBe('CA');
  });
});
