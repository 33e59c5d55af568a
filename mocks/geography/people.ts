import type { GridType } from '../../src/domain/grid';
import type { Random } from '../cases/random';

/** Synthetic people and figures for the demo grids: plausible, reproducible, and not anyone's real data. */
const surnames = Array.from(
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟段雷钱汤尹黎常武乔贺赖龚文',
);
const givenCharacters = Array.from(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志峰鹏辉晓燕俊丹凤云海斌林波晨宇浩',
);

export function workerName(random: Random): string {
  const given = random.pick(givenCharacters) + (random.chance(0.7) ? random.pick(givenCharacters) : '');
  return random.pick(surnames) + given;
}

/** The grid's type by where it lies: the urban core is old town and work-unit compounds, the edge new estates
 * and urban villages, the countryside suburban. */
export function gridTypeFor(urban: boolean, kilometresFromSeat: number, random: Random): GridType {
  const roll = random.next();
  if (!urban) return kilometresFromSeat < 6 && roll < 0.6 ? 'urban_village' : 'suburban';
  if (kilometresFromSeat < 2) return roll < 0.45 ? 'old_town' : roll < 0.75 ? 'work_unit' : 'new_build';
  if (kilometresFromSeat < 5) {
    return roll < 0.45 ? 'new_build' : roll < 0.65 ? 'old_town' : roll < 0.8 ? 'work_unit' : 'urban_village';
  }
  return roll < 0.5 ? 'new_build' : 'urban_village';
}

/** Urban grids hold 300–500 households (a few outside the range, which the planner flags); a village's households
 * are shared among its villagers' groups. */
export function householdsFor(urban: boolean, groups: number, random: Random): number[] {
  if (urban) {
    return Array.from({ length: groups }, () =>
      random.chance(0.05) ? Math.round(random.between(220, 580)) : Math.round(random.between(300, 500)),
    );
  }
  const total = Math.round(random.between(40, 110) * groups);
  const weights = Array.from({ length: groups }, () => random.between(0.6, 1.4));
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => Math.max(20, Math.round((total * weight) / sum)));
  return shares;
}

export const peoplePerHousehold = (urban: boolean, random: Random): number =>
  urban ? random.between(2.5, 3.0) : random.between(2.9, 3.5);

/** Villagers' groups per village: 1–4, about 2.2 on average. */
export function villagerGroups(random: Random): number {
  const roll = random.next();
  return roll < 0.25 ? 1 : roll < 0.65 ? 2 : roll < 0.9 ? 3 : 4;
}
