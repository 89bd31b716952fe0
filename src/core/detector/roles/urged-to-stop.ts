/** "urged Washington to stop its cyberattacks", "exhorte les Etats-Unis à cesser". */
import { B, CYBER_AFTER_RE, DET, E, rx } from '../patterns';
import { defineRule } from '../types';

/** "urged Washington to stop its cyberattacks", "exhorte les Etats-Unis à mettre fin à…". */
const URGE_OBJECT_BEFORE = rx(
  `${B}(?:urg\\w*|exhort\\w*|called on|calls on|appel\\w* (?:la|le|les)|demand\\w*|warn\\w*|press\\w*|invit\\w*)\\s+(?:${DET}\\s*)?(?:[\\p{L}-]+\\s+){0,2}$`,
  'u',
);
const STOP_AFTER = rx(
  `^(?:\\s+\\S+){0,3}?\\s+(?:to stop|to cease|to end|to halt|to refrain from|to desist from|a cesser|de cesser|a mettre (?:immediatement )?fin|de mettre (?:immediatement )?fin|a arreter|d'arreter|a renoncer|de renoncer|a\\s+[«"“]?\\s*s'abstenir|de\\s+[«"“]?\\s*s'abstenir)${E}`,
);

export default defineRule({
  id: 'urged-to-stop',
  langs: ['en', 'fr'],
  priority: 280,
  summary: '"urged Washington to stop its cyberattacks", "exhorte les Etats-Unis à cesser".',
  examples: [
    {
      lang: 'en',
      text: 'The spokesman urged Washington to stop its cyberattacks on Chinese universities.',
      actor: 'Washington',
      role: 'perpetrator',
    },
    {
      lang: 'en',
      text: 'The spokesman urged Washington to stop its tariffs on Chinese goods.',
      actor: 'Washington',
      role: null,
    },
  ],
  apply: (c) =>
    URGE_OBJECT_BEFORE.test(c.before) && STOP_AFTER.test(c.after) && CYBER_AFTER_RE.test(c.after.slice(0, 140))
      ? c.evidence('perpetrator', 3, `urged ${c.surface} to stop`)
      : null,
});
