import { type Case, book, sheet } from './support';

/** The table of `formula-undefined-name`: each snapshot and the findings it gives. */
export const cases: Case[] = [
  [
    'formula-undefined-name',
    book(
      [
        sheet('Feuil1', [
          ['=Taux*2 →1', '=Local_X →1', '=LET(x,1,x+1) →2', '=SUM(Table1[Montant]) →3', '="Taux2"&A1 →0'],
        ]),
      ],
      ['Taux'],
      [{ sheet: 'Feuil1', name: 'Local_X' }],
    ),
    [],
  ],
  [
    'formula-undefined-name',
    book(
      [sheet('Feuil1', [['=Taux2*2 →1', '=Feuil2!Local_X →1', '=taux*2 →1'], ['=A1+Frais_Gen →1']])],
      ['Taux'],
      [{ sheet: 'Feuil1', name: 'Local_X' }],
    ),
    [
      'formula-undefined-name@Feuil1!A1',
      'formula-undefined-name@Feuil1!B1',
      'formula-undefined-name@Feuil1!A2',
    ],
  ],
];
