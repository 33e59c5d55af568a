import type { StationKind, StationLevel } from '../../src/domain/points';
import type { GridSite } from './grid-sites';
import type { Random } from './random';

/**
 * Synthetic but plausible contact details: an address down the ladder (county, street, community, road and number),
 * a Jincheng landline (area code 0356) and office hours with the long Shanxi lunch break.
 */
const roads = [
  '凤台街',
  '泽州路',
  '建设路',
  '红星街',
  '文昌街',
  '书院街',
  '中原街',
  '太行路',
  '兰花路',
  '新市街',
  '黄华街',
  '景西路',
  '晓庄路',
  '白马寺路',
  '金匠路',
  '迎宾街',
  '西环路',
  '东环路',
  '南环路',
  '北环路',
  '凤鸣路',
  '长平路',
  '友谊街',
  '府城路',
];

export function stationAddress(site: GridSite, urban: boolean, random: Random): string {
  const unit = `${site.countyName}${site.streetName}${site.communityName}`;
  if (!urban)
    return random.chance(0.5)
      ? `${unit}村委会院内`
      : `${unit}${random.pick(['东街', '西街', '中街', '前街', '后街'])}${random.int(1, 60)}号`;
  return `${unit}${random.pick(roads)}${random.int(1, 1200)}号`;
}

export function stationPhone(random: Random): string {
  return `0356-${random.int(2, 8)}${String(random.int(0, 999_999)).padStart(6, '0')}`;
}

const officeHours = [
  '08:30-12:00, 14:30-18:00',
  '08:00-12:00, 14:30-17:30',
  '08:30-12:00, 15:00-18:30',
  '09:00-17:00',
];

export function stationHours(kind: StationKind, level: StationLevel, random: Random): string {
  // County centres keep a duty room open round the clock; community rooms open fewer hours.
  if (kind === 'governance_center' && level === 'district') return '00:00-24:00';
  if (level === 'community' && kind === 'mediation_room')
    return random.pick(['08:30-12:00', '14:30-18:00', officeHours[0] ?? '']);
  return random.pick(officeHours);
}
